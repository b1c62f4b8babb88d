# Holds apt's and dpkg's locks (fcntl write locks, as apt and dpkg take them) until stdin closes:
# a busy apt for `npm run test:quickstart -- --hold-apt-lock SECONDS` (unattended upgrades, say).
import fcntl, os, sys
fds = []
for p in ['/var/lib/dpkg/lock-frontend', '/var/lib/dpkg/lock', '/var/lib/apt/lists/lock', '/var/cache/apt/archives/lock']:
    fd = os.open(p, os.O_RDWR | os.O_CREAT, 0o640)
    fcntl.lockf(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    fds.append(fd)
print('holding', flush=True)
sys.stdin.read()
