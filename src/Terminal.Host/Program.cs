Console.WriteLine("terminal");
