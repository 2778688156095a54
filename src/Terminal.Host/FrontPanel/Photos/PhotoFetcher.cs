using Terminal.Core.Attendance;

namespace Terminal.Host.FrontPanel.Photos;

/// <summary>
/// Fetches a staff photo from the hall server over HTTP(S) and checks it (<see cref="PhotoCheck"/>);
/// it never reads more than one byte past the size allowed.
/// </summary>
internal sealed class PhotoFetcher(HttpClient http)
{
    public async Task<PhotoFetch> FetchAsync(RosterPhoto photo, TimeSpan timeout, CancellationToken ct)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
        deadline.CancelAfter(timeout);
        try
        {
            using var response = await http.GetAsync(photo.Url, HttpCompletionOption.ResponseHeadersRead, deadline.Token).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                return PhotoFetch.Unreachable($"HTTP {(int)response.StatusCode} {response.ReasonPhrase}");
            }

            if (response.Content.Headers.ContentLength is > PhotoCheck.MaxBytes and var length)
            {
                return PhotoFetch.Refused($"{length} bytes, over the {PhotoCheck.MaxBytes} allowed");
            }

            var stream = await response.Content.ReadAsStreamAsync(deadline.Token).ConfigureAwait(false);
            await using (stream.ConfigureAwait(false))
            {
                var buffer = new byte[PhotoCheck.MaxBytes + 1];
                var read = await stream.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, deadline.Token).ConfigureAwait(false);
                var verdict = PhotoCheck.Check(buffer.AsSpan(0, read), photo.Sha256);
                return verdict.Type is { } type ? PhotoFetch.Fetched(buffer[..read], type) : PhotoFetch.Refused(verdict.Reason!);
            }
        }
        catch (HttpRequestException e)
        {
            return PhotoFetch.Unreachable(e.Message);
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return PhotoFetch.Unreachable($"no answer within {timeout.TotalSeconds:0.#} s");
        }
    }
}
