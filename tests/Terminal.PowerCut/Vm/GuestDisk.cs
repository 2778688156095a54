namespace Terminal.PowerCut.Vm;

/// <summary>
/// The guest's own disk: a raw image with an ext4 file system, attached as /dev/vda (virtio-blk).
/// The terminal's data directory lives there, so the guest's page cache dies with the VM.
/// </summary>
internal static class GuestDisk
{
    public static void Create(string path, int sizeMiB)
    {
        using (var image = new FileStream(path, FileMode.Create, FileAccess.Write))
        {
            image.SetLength(sizeMiB * 1024L * 1024);
        }

        // Inode tables and journal written now: otherwise ext4lazyinit zeroes them in the background
        // after the first mount, and those writes would count as the terminal's.
        HostCommand.Run(HostCommand.Find("mkfs.ext4"), ["-q", "-F", "-E", "lazy_itable_init=0,lazy_journal_init=0", path], TimeSpan.FromMinutes(2));
    }
}
