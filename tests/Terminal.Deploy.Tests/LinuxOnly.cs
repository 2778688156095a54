// deploy/ targets Debian on a Pi: these tests need Linux tools (dpkg-deb, systemd-analyze, lintian).
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
