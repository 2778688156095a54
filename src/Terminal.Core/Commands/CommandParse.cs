using System.Text.Json;

namespace Terminal.Core.Commands;

/// <summary>
/// The outcome of <see cref="CommandParser.Parse"/>: a valid <see cref="Command"/>, or an
/// <see cref="Error"/>. <see cref="Id"/> and <see cref="ReplyTo"/> are recovered even from a
/// refused payload when possible, so the 3.1.1 requester still gets its error result.
/// </summary>
/// <param name="Command">The valid command, or null.</param>
/// <param name="Error">Why it was refused, or null.</param>
/// <param name="Id">The request's <c>id</c>, or null.</param>
/// <param name="ReplyTo">The request's <c>replyTo</c>, or null.</param>
public sealed record CommandParse(CommandRequest? Command, CommandError? Error, JsonElement? Id, string? ReplyTo);
