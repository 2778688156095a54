Console.WriteLine("terminalctl");
