"""Step 2 of grading: a sandbox around every learner kernel (learner code is untrusted).

nbgrader starts each kernel from a kernelspec; ours (``write_kernelspec``) starts this
module as a launcher instead, which then becomes the kernel. The launcher, in order:

1. sets resource limits (``resource.setrlimit``): CPU seconds, address space, processes,
   file size. Limits are inherited by everything the kernel starts;
2. when bubblewrap (Debian's ``bwrap``) is there, enters fresh namespaces: no network,
   read-only system and Python, the course library read-only, the learner's folder as a
   small throwaway tmpfs (the files nbgrader put there bound back read-only), a
   throwaway ``/tmp`` (with matplotlib's font list, built once per run, bound in
   read-only so that no kernel scans the fonts again), and nothing else: not
   ``source/``, not the gradebook, not other learners' work, not the instructor's home;
3. when run as root, drops (``setpriv``) to an unprivileged uid of the worker's own
   (61000 + its number, so one learner's fork bomb cannot starve another's kernel) with
   no capabilities, having given it the connection file and the socket folder;
4. runs ``python -m ipykernel_launcher``. The kernel talks over IPC sockets (Unix
   sockets in the socket folder), so it needs no network at all.

Where a step is impossible (no bwrap, not root, no user namespaces), grading still runs
with the limits that can be applied, and ``gaps()`` says once what is not enforced.

``prepare_kernel`` writes the kernelspec once per process; the course's ``LearnerExecute``
(``nbgrader_hooks``) starts every learner kernel from it, under ``leverage grade`` and a
plain ``nbgrader autograde`` alike.
"""

import functools
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

KERNEL_NAME = "leverage-sandbox"
#: The uid of sandboxed kernels (worker i gets BASE_UID + i): as root a real unprivileged
#: uid, otherwise the uid they see inside their user namespace.
BASE_UID = 61000


@dataclass(frozen=True)
class Limits:
    """What one learner kernel may use."""

    cpu_seconds: int = 300  # CPU time over the whole notebook
    memory_bytes: int = 3 * 1024**3  # address space
    processes: int = 128  # processes and threads of the kernel's uid
    file_bytes: int = 64 * 1024**2  # largest file it may write
    workspace_bytes: int = 256 * 1024**2  # its writable folder and /tmp, each


def _bwrap():
    return shutil.which("bwrap")


@functools.cache
def _bwrap_works():
    """Whether bubblewrap can make namespaces here (it cannot in some containers); probed
    once per process."""
    tool = _bwrap()
    if not tool:
        return False
    probe = subprocess.run(
        [tool, "--unshare-all", "--ro-bind", "/", "/", "true"], capture_output=True, timeout=20
    )
    return probe.returncode == 0


def gaps():
    """What this machine cannot enforce, in words, or an empty list when all is enforced."""
    missing = []
    if not _bwrap():
        missing.append(
            "bubblewrap (bwrap) is not installed: learner kernels can read your files and use the network"
        )
    elif not _bwrap_works():
        missing.append(
            "bubblewrap cannot create namespaces here: learner kernels can read your files and use the network"
        )
    if os.geteuid() != 0:
        missing.append(
            "not running as root: kernels run as your own user, so the process limit counts "
            "your own processes too"
        )
    return missing


def write_kernelspec(folder, limits, runtime_dir, worker=0):
    """Write the sandboxed kernelspec into ``folder/kernels`` (put ``folder`` on
    JUPYTER_PATH) and return its name. ``runtime_dir`` holds the kernels' sockets."""
    import course

    bwrap = _bwrap() if _bwrap_works() else None
    config = {
        **asdict(limits),
        "uid": BASE_UID + worker,
        "runtime_dir": str(runtime_dir),
        "bwrap": bwrap,
        "library": str(Path(course.__file__).resolve().parent),
        "font_cache": font_cache() if bwrap else None,
    }
    spec_dir = Path(folder) / "kernels" / KERNEL_NAME
    spec_dir.mkdir(parents=True, exist_ok=True)
    (spec_dir / "sandbox.json").write_text(json.dumps(config, indent=1))
    kernel = [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"]
    spec = {
        "argv": [
            sys.executable,
            "-m",
            "autograder.sandbox",
            str(spec_dir / "sandbox.json"),
            "--",
            *kernel,
        ],
        "display_name": "Python 3 (sandboxed for grading)",
        "language": "python",
        # bwrap puts the kernel in a session of its own, out of reach of the process-group
        # SIGINT jupyter_client sends; an interrupt message reaches it over its sockets
        "interrupt_mode": "message",
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec, indent=1))
    return KERNEL_NAME


@functools.cache
def font_cache():
    """Build matplotlib's font list once per process, in a scratch folder of its own
    (removed when the process exits), and return its path (or None when matplotlib cannot
    build it). A kernel's ``/tmp`` starts empty, so without this every learner's kernel
    would scan the system's fonts again before its first plot.

    Building it takes a Python that imports matplotlib (about half a CPU second): grading
    workers forked after the instructor's process has built it inherit its path (see
    ``autograder.run``), so a run builds it once, not once per worker."""
    folder = _scratch("leverage-fonts-")
    probe = subprocess.run(
        [sys.executable, "-c", "import matplotlib.font_manager"],
        env={**os.environ, "MPLCONFIGDIR": str(folder), "HOME": str(folder)},
        capture_output=True,
        timeout=120,
    )
    built = sorted(Path(folder).glob("fontlist-*.json"))
    return str(built[-1]) if probe.returncode == 0 and built else None


@dataclass(frozen=True)
class SandboxedKernel:
    """A sandboxed kernelspec ready to start kernels, one at a time, over IPC sockets."""

    name: str
    folder: Path  # holds kernels/<name>/; goes on JUPYTER_PATH
    runtime: Path  # the connection file and the sockets, shared with the sandbox

    @property
    def environment(self):
        """The variables under which jupyter_client finds the kernelspec."""
        return {"JUPYTER_PATH": str(self.folder), "JUPYTER_RUNTIME_DIR": str(self.runtime)}

    @property
    def connection_file(self):
        # IPC sockets go beside the connection file, in the folder the sandbox shares: one
        # kernel at a time, so one fixed, absolute name serves them all
        return str(self.runtime / "kernel.json")


def _scratch(prefix):
    """A new scratch folder, removed when this process exits: a grading worker too, which
    ends without running ``atexit`` handlers (multiprocessing runs its own finalizers, and
    a worker forked from us does not inherit ours, so it never removes our folders)."""
    from multiprocessing.util import Finalize

    folder = Path(tempfile.mkdtemp(prefix=prefix))
    Finalize(None, shutil.rmtree, args=(folder,), kwargs={"ignore_errors": True}, exitpriority=0)
    return folder


def warm():
    """Probe bubblewrap and build matplotlib's font list now, in this process, so that the
    grading workers forked from it inherit both instead of each doing it again."""
    if _bwrap_works():
        font_cache()


@functools.cache
def prepare_kernel(limits, worker=0):
    """Write a sandboxed kernelspec for ``worker`` into a scratch folder of its own, once
    per process (removed when the process exits)."""
    scratch = _scratch(f"leverage-worker{worker}-")
    runtime = scratch / "runtime"
    runtime.mkdir()
    return SandboxedKernel(write_kernelspec(scratch, limits, runtime, worker), scratch, runtime)


def kernel_processes(launcher_pid):
    """The processes running under a kernel's launcher (the launcher itself excluded), as a
    set of ``psutil.Process``; empty when the launcher has gone.

    Under bubblewrap the kernel has a process namespace of its own, whose first process
    adopts every orphan, so what a learner's code starts stays in this set even after its
    parent exits.

    Grading asks after every cell, so the tree is read from the kernel's own ``/proc``
    entries (each thread's ``children``), not from a scan of every process on the machine
    (``psutil``'s way, tens of milliseconds on a busy grader, a second or more per
    notebook); where Linux does not provide those entries, psutil scans."""
    import psutil

    pids = _descendants(launcher_pid)
    if pids is None:
        try:
            return set(psutil.Process(launcher_pid).children(recursive=True))
        except psutil.NoSuchProcess:
            return set()
    processes = set()
    for pid in pids:
        try:
            processes.add(psutil.Process(pid))
        except psutil.NoSuchProcess:
            continue  # it ended while the tree was read
    return processes


def _descendants(pid):
    """The pids below ``pid``, read from ``/proc/<pid>/task/<thread>/children``, or None
    when this machine's ``/proc`` has no such entries (or does not let us read them)."""
    if not _proc_children():
        return None
    found, todo = set(), [pid]
    while todo:
        parent = todo.pop()
        try:
            threads = os.listdir(f"/proc/{parent}/task")
        except (FileNotFoundError, ProcessLookupError):
            continue  # it has ended: its children, if any, went to the namespace's first
        for thread in threads:
            try:
                with open(f"/proc/{parent}/task/{thread}/children") as entry:
                    children = entry.read().split()
            except (FileNotFoundError, ProcessLookupError):
                continue  # the thread has ended
            except PermissionError:
                return None
            for child in map(int, children):
                if child not in found:
                    found.add(child)
                    todo.append(child)
    return found


@functools.cache
def _proc_children():
    """Whether ``/proc`` lists each thread's children here (Linux's CONFIG_PROC_CHILDREN)."""
    return os.path.exists(f"/proc/{os.getpid()}/task/{os.getpid()}/children")


def stop_processes(processes):
    """Kill ``processes`` (``psutil.Process``) and wait a little for them to go; returns how
    many were still running. A killed child of the kernel stays a zombie, counted against
    the process limit, until the kernel itself is restarted."""
    import psutil

    alive = []
    for process in processes:
        try:
            process.kill()
            alive.append(process)
        except psutil.NoSuchProcess:
            continue
    psutil.wait_procs(alive, timeout=5)
    return len(alive)


def _process_allowance(config):
    """As root the kernel gets a uid of its own, so the limit is its allowance; otherwise
    it shares our uid, and the allowance comes on top of what already runs under it."""
    if os.geteuid() == 0:
        return config["processes"]
    return _tasks_of(os.getuid()) + config["processes"]


def _limit(config):
    for name, value in (
        (resource.RLIMIT_CPU, config["cpu_seconds"]),
        (resource.RLIMIT_AS, config["memory_bytes"]),
        (resource.RLIMIT_NPROC, _process_allowance(config)),
        (resource.RLIMIT_FSIZE, config["file_bytes"]),
        (resource.RLIMIT_CORE, 0),
    ):
        resource.setrlimit(name, (value, value))


def _tasks_of(uid):
    """Processes and threads of ``uid`` now: RLIMIT_NPROC counts them all."""
    tasks = 0
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                status = Path(entry.path, "status").read_text()
            except OSError:
                continue
            fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
            if int(fields.get("Uid", "-1").split()[0]) == uid:
                tasks += int(fields.get("Threads", "1"))
    return tasks


def _folders_leading_to(paths, provided):
    """``--dir`` for every folder above ``paths`` that bwrap would otherwise create with
    the host's (perhaps private) permissions, so an unprivileged kernel can pass through.
    The folders are empty: only what is bound into them is visible."""
    made, argv = set(provided), []
    for path in sorted(paths):
        for parent in reversed(Path(path).parents):
            if str(parent) != "/" and str(parent) not in made:
                made.add(str(parent))
                argv += ["--perms", "0755", "--dir", str(parent)]
    return argv


def _namespace(config, workspace, command):
    """The bubblewrap command that runs ``command`` with only what a kernel needs. As root,
    bwrap sets the sandbox up and ``setpriv`` then drops to the worker's own uid with no
    capabilities; otherwise bwrap runs unprivileged in a user namespace."""
    size = str(config["workspace_bytes"])
    readable = sorted({sys.base_prefix, sys.prefix, config["library"]})
    argv = [config["bwrap"], "--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts"]
    argv += ["--unshare-cgroup-try", "--die-with-parent", "--new-session", "--clearenv"]
    if os.geteuid() != 0:
        argv += ["--unshare-user", "--uid", str(config["uid"]), "--gid", str(config["uid"])]
    argv += [
        "--ro-bind",
        "/usr",
        "/usr",
        "--ro-bind",
        "/etc",
        "/etc",
        "--proc",
        "/proc",
        "--dev",
        "/dev",
    ]
    for link in ("bin", "sbin", "lib", "lib64"):
        if Path("/usr", link).exists():
            argv += ["--symlink", f"usr/{link}", f"/{link}"]
    argv += ["--perms", "1777", "--size", size, "--tmpfs", "/tmp"]
    if config.get("font_cache"):  # read-only: the kernel reads the font list, never writes it
        font_list = f"/tmp/matplotlib/{Path(config['font_cache']).name}"
        argv += ["--perms", "1777", "--dir", "/tmp/matplotlib"]
        argv += ["--ro-bind", config["font_cache"], font_list]
    argv += _folders_leading_to(
        [*readable, config["runtime_dir"], workspace], {"/usr", "/etc", "/tmp"}
    )
    for folder in readable:
        argv += ["--ro-bind", folder, folder]
    argv += ["--bind", config["runtime_dir"], config["runtime_dir"]]
    argv += ["--perms", "1777", "--size", size, "--tmpfs", workspace]
    for item in sorted(Path(workspace).iterdir()):
        argv += ["--ro-bind", str(item), str(item)]
    argv += ["--chdir", workspace]
    environment = {
        "HOME": "/tmp",
        "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin",
        "LANG": "C.UTF-8",
        # inline, as in JupyterLab: figures become outputs, so feedback pages show them
        "MPLBACKEND": "module://matplotlib_inline.backend_inline",
        "MPLCONFIGDIR": "/tmp/matplotlib",
        "IPYTHONDIR": "/tmp/ipython",
        "JUPYTER_RUNTIME_DIR": config["runtime_dir"],
    }
    for name in (
        "LEVERAGE_LEARNER",
        "LEVERAGE_HIDDEN_CASES",  # the submission's grading key, never the secret
        "NBGRADER_EXECUTION",
        "NBGRADER_VALIDATING",
    ):
        if name in os.environ:
            environment[name] = os.environ[name]
    for name, value in environment.items():
        argv += ["--setenv", name, value]
    if os.geteuid() == 0:
        uid = str(config["uid"])
        argv += ["--", "/usr/bin/setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups"]
        argv += ["--inh-caps=-all", "--bounding-set=-all"]
    return [*argv, "--", *command]


def launch(config_path, command):
    """Become a sandboxed kernel: limits, unprivileged uid, namespace, then ``command``."""
    config = json.loads(Path(config_path).read_text())
    if os.geteuid() == 0:  # the kernel's own uid must read the connection and make sockets
        connection = command[command.index("-f") + 1]
        for path in (config["runtime_dir"], connection):
            os.chown(path, config["uid"], config["uid"])
    if config["bwrap"]:
        command = _namespace(config, os.getcwd(), command)
    _limit(config)
    os.execvp(command[0], command)


if __name__ == "__main__":
    arguments = sys.argv[1:]
    launch(arguments[0], arguments[arguments.index("--") + 1 :])
