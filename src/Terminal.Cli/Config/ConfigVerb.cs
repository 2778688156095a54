using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Terminal.Hardware.Board;
using Terminal.Configuration;

namespace Terminal.Cli.Config;

/// <summary><c>terminalctl config validate FILE</c>: a terminal configuration or a board file, checked as the host would.</summary>
internal static class ConfigVerb
{
    public static Command Create()
    {
        var config = new Command("config", "configuration files");
        var file = new Argument<FileInfo>("file") { Description = "terminal configuration (/etc/terminal/terminal.json) or board file (board-config/*.json)" };
        var validate = new Command("validate", $"check a terminal configuration or board file; prints the reason and exits 1 when invalid. {ExitCodes.Help}") { file };
        validate.SetAction(parse => Validate(parse.GetValue(file)!, parse.GetValue(CliVerbs.Json)));
        config.Subcommands.Add(validate);
        return config;
    }

    /// <summary>Validates <paramref name="file"/>; returns the exit code.</summary>
    public static int Validate(FileInfo file, bool json)
    {
        string? error;
        string kind;
        try
        {
            kind = IsBoardFile(file) ? "board file" : "terminal configuration";
            error = kind == "board file" ? ValidateBoard(file) : ValidateTerminal(file);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        {
            kind = "file";
            error = $"{file.FullName}: cannot be read as JSON: {e.Message}";
        }

        if (json)
        {
            Console.WriteLine(JsonSerializer.Serialize(new { file = file.FullName, kind, valid = error is null, error }));
        }
        else if (error is null)
        {
            Console.WriteLine($"{file.FullName}: valid {kind}");
        }
        else
        {
            Console.Error.WriteLine($"invalid {kind}: {error}");
        }

        return error is null ? ExitCodes.Ok : ExitCodes.Failed;
    }

    private static bool IsBoardFile(FileInfo file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(file.FullName), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        return doc.RootElement.ValueKind == JsonValueKind.Object && !doc.RootElement.TryGetProperty("Terminal", out _);
    }

    private static string? ValidateBoard(FileInfo file)
    {
        try
        {
            BoardFile.Load(file.FullName);
            return null;
        }
        catch (BoardFileException e)
        {
            return e.Message;
        }
    }

    private static string? ValidateTerminal(FileInfo file)
    {
        try
        {
            var root = new ConfigurationBuilder().AddJsonFile(file.FullName, optional: false, reloadOnChange: false).Build();
            var options = new TerminalOptionsReader(root).Read(simulate: false, BoardDirectory());
            BoardFile.Load(options.BoardFile);
            return null;
        }
        catch (ConfigurationError e)
        {
            return e.Message;
        }
        catch (BoardFileException e)
        {
            return e.Message;
        }
        catch (InvalidDataException e)
        {
            return $"{file.FullName}: not valid JSON: {e.InnerException?.Message ?? e.Message}";
        }
    }

    /// <summary>board-config/ beside the program (installed layout) or in the source tree.</summary>
    private static string BoardDirectory()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "board-config");
        return Directory.Exists(beside) ? beside : Path.Combine(Environment.CurrentDirectory, "board-config");
    }
}
