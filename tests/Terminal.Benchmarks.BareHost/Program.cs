using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

// usage: Terminal.Benchmarks.BareHost SOCKET
// POST /sim/press answers like the terminal does (an "events" array of one envelope-sized event).
var socket = args[0];
File.Delete(socket);
var builder = WebApplication.CreateSlimBuilder();
builder.WebHost.ConfigureKestrel(kestrel => kestrel.ListenUnixSocket(socket));
var app = builder.Build();
var seq = 0L;
app.MapPost("/sim/press", (int level) =>
    Results.Text($$"""{"events":[{"type":"rating","seq":{{Interlocked.Increment(ref seq)}},"level":{{level}},"id":"{{Guid.NewGuid()}}","pad":"{{new string('x', 300)}}"}]}""", "application/json"));
await app.RunAsync();
