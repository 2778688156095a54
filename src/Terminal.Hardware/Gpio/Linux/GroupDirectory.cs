namespace Terminal.Hardware.Gpio.Linux;

/// <summary>Group names from <c>/etc/group</c>, for messages such as "add the user to group gpio".</summary>
internal static class GroupDirectory
{
    public static string? NameOf(uint gid, string path = "/etc/group")
    {
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                // name:password:gid:members (group(5))
                var fields = line.Split(':');
                if (fields.Length >= 3 && uint.TryParse(fields[2], out var id) && id == gid)
                {
                    return fields[0];
                }
            }
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }

        return null;
    }
}
