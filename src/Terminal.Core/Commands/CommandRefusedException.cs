namespace Terminal.Core.Commands;

/// <summary>Unwinds parsing at the first problem; never leaves <see cref="CommandParser"/>.</summary>
internal sealed class CommandRefusedException(string code, string message) : Exception(message)
{
    public CommandError Error { get; } = new(code, message);

    public static CommandRefusedException Field(string message) => new(CommandError.InvalidField, message);
}
