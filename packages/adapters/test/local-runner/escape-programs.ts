import type { Language } from '@sooscode/domain';

/** What the attack programs need to know about the host they try to reach. */
export interface Targets {
  /** A server's DATA_DIR holding a world-readable `jwt-secret`. */
  readonly dataDir: string;
  /** Another job's folder (world-readable `files/main.py`). */
  readonly otherJob: string;
  /** The folder job folders are made in. */
  readonly tempRoot: string;
  /** The pid of the process that runs the runner (the "server"). */
  readonly serverPid: number;
  /** Loopback ports to try: Postgres, Redis, the API. */
  readonly ports: readonly number[];
}

/** Each attack prints `label OUTCOME` lines; `OUTCOME` is `OPEN …` when the attack got through. */
export type Attack = 'reads' | 'writes' | 'network' | 'forkBomb' | 'memoryBomb' | 'fillDisk' | 'sleepingChild' | 'endlessOutput' | 'signals';

const py = (t: Targets): Record<Attack, string> => ({
  reads: `
import os
def probe(label, fn):
    try:
        r = fn()
        print(label, "OPEN", repr(r)[:300])
    except Exception as e:
        print(label, type(e).__name__)
probe("shadow", lambda: open("/etc/shadow").read())
probe("datadir", lambda: open("${t.dataDir}/jwt-secret").read())
probe("otherjob", lambda: open("${t.otherJob}/files/main.py").read())
probe("temproot", lambda: os.listdir("${t.tempRoot}"))
probe("root", lambda: os.listdir("/root"))
probe("home", lambda: os.listdir("/home"))
probe("server-environ", lambda: open("/proc/${t.serverPid}/environ").read())
print("proc1-environ", open("/proc/1/environ").read().replace("\\0", ";"))
print("root-listing", ",".join(sorted(os.listdir("/"))))
print("job-listing", ",".join(sorted(os.listdir("."))))
`,
  writes: `
import os
for label, path in [("usr", "/usr/evil"), ("etc", "/etc/evil"), ("rootdir", "/evil"), ("temproot", "${t.tempRoot}/evil"), ("datadir", "${t.dataDir}/evil")]:
    try:
        with open(path, "w") as f:
            f.write("x")
        print(label, "OPEN")
    except OSError as e:
        print(label, type(e).__name__)
with open("mine.txt", "w") as f:
    f.write("ok")
print("job", open("mine.txt").read())
`,
  network: `
import socket
for port in ${JSON.stringify(t.ports)}:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
        print(port, "OPEN")
    except OSError as e:
        print(port, type(e).__name__)
`,
  forkBomb: `
import os, time
while True:
    try:
        os.fork()
    except OSError:
        time.sleep(0.01)
`,
  memoryBomb: `
chunks = []
try:
    while True:
        chunks.append(bytearray(64 * 1024 * 1024))
except MemoryError:
    print("memory MemoryError", len(chunks))
`,
  fillDisk: `
import errno
for label, path in [("job", "fill"), ("tmp", "/tmp/fill")]:
    n = 0
    try:
        for i in range(100000):
            with open(path + str(i), "wb") as f:
                for _ in range(16):
                    f.write(b"x" * (1024 * 1024))
                    n += 1
        print(label, "OPEN", n)
    except OSError as e:
        print(label, errno.errorcode.get(e.errno, e.errno), "MiB", n)
`,
  sleepingChild: `
import os, time
if os.fork() == 0:
    os.setsid()
    time.sleep(30)
    os._exit(0)
print("parent done")
`,
  endlessOutput: `
while True:
    print("x" * 99)
`,
  signals: `
import os
for label, pid in [("server", ${t.serverPid}), ("everyone", -1)]:
    try:
        os.kill(pid, 9)
        print(label, "SENT")
    except OSError as e:
        print(label, type(e).__name__)
`,
});

const java = (t: Targets): Record<Attack, string> => ({
  reads: `
import java.nio.file.*;
public class Main {
  static void probe(String label, String path) {
    try {
      Path p = Paths.get(path);
      String r = Files.isDirectory(p) ? String.join(",", new java.io.File(path).list()) : new String(Files.readAllBytes(p));
      System.out.println(label + " OPEN " + r.replace("\\0", ";"));
    } catch (Exception e) { System.out.println(label + " " + e.getClass().getSimpleName()); }
  }
  public static void main(String[] a) {
    probe("shadow", "/etc/shadow");
    probe("datadir", "${t.dataDir}/jwt-secret");
    probe("otherjob", "${t.otherJob}/files/main.py");
    probe("temproot", "${t.tempRoot}");
    probe("root", "/root");
    probe("home", "/home");
    probe("server-environ", "/proc/${t.serverPid}/environ");
  }
}`,
  writes: `
import java.nio.file.*;
public class Main {
  public static void main(String[] a) throws Exception {
    String[][] targets = {{"usr", "/usr/evil"}, {"etc", "/etc/evil"}, {"rootdir", "/evil"}, {"temproot", "${t.tempRoot}/evil"}, {"datadir", "${t.dataDir}/evil"}};
    for (String[] t : targets) {
      try { Files.write(Paths.get(t[1]), "x".getBytes()); System.out.println(t[0] + " OPEN"); }
      catch (Exception e) { System.out.println(t[0] + " " + e.getClass().getSimpleName()); }
    }
    Files.write(Paths.get("mine.txt"), "ok".getBytes());
    System.out.println("job " + new String(Files.readAllBytes(Paths.get("mine.txt"))));
  }
}`,
  network: `
public class Main {
  public static void main(String[] a) {
    int[] ports = {${t.ports.join(', ')}};
    for (int port : ports) {
      try (java.net.Socket s = new java.net.Socket()) {
        s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 1000);
        System.out.println(port + " OPEN");
      } catch (Exception e) { System.out.println(port + " " + e.getClass().getSimpleName()); }
    }
  }
}`,
  forkBomb: `
import java.util.*;
public class Main {
  public static void main(String[] a) {
    List<Process> all = new ArrayList<>();
    int failures = 0;
    for (int i = 0; i < 2000 && failures < 50; i++) {
      try { all.add(new ProcessBuilder("/bin/sleep", "30").start()); } catch (Exception e) { failures++; }
    }
    System.out.println("started " + all.size() + " failures " + failures);
  }
}`,
  memoryBomb: `
import java.util.*;
public class Main {
  public static void main(String[] a) {
    List<long[]> chunks = new ArrayList<>();
    try { while (chunks.size() < 100000) chunks.add(new long[8 * 1024 * 1024]); }
    catch (OutOfMemoryError e) { int n = chunks.size(); chunks = null; System.out.println("memory OutOfMemoryError " + n); }
  }
}`,
  fillDisk: `
import java.io.*;
public class Main {
  static void fill(String label, String prefix) {
    int n = 0;
    byte[] mib = new byte[1024 * 1024];
    try {
      for (int i = 0; i < 100000; i++) {
        try (FileOutputStream f = new FileOutputStream(prefix + i)) { for (int j = 0; j < 16; j++) { f.write(mib); n++; } }
      }
      System.out.println(label + " OPEN " + n);
    } catch (IOException e) { System.out.println(label + " " + e.getMessage().replaceAll(".*\\\\((.*)\\\\).*", "$1") + " MiB " + n); }
  }
  public static void main(String[] a) { fill("job", "fill"); fill("tmp", "/tmp/fill"); }
}`,
  sleepingChild: `
public class Main {
  public static void main(String[] a) throws Exception {
    new ProcessBuilder("/bin/sh", "-c", "setsid sleep 30 &").start().waitFor();
    System.out.println("parent done");
  }
}`,
  endlessOutput: `
public class Main {
  public static void main(String[] a) {
    String line = "x".repeat(99);
    for (long i = 0; i < Long.MAX_VALUE; i++) System.out.println(line);
  }
}`,
  signals: `
public class Main {
  public static void main(String[] a) {
    System.out.println("server " + (ProcessHandle.of(${t.serverPid}).map(p -> p.destroyForcibly() ? "SENT" : "REFUSED").orElse("ProcessLookupError")));
  }
}`,
});

const js = (t: Targets): Record<Attack, string> => ({
  reads: `
const fs = require("fs");
const probe = (label, fn) => { try { console.log(label, "OPEN", JSON.stringify(fn()).slice(0, 300)); } catch (e) { console.log(label, e.code); } };
probe("shadow", () => fs.readFileSync("/etc/shadow", "utf8"));
probe("datadir", () => fs.readFileSync("${t.dataDir}/jwt-secret", "utf8"));
probe("otherjob", () => fs.readFileSync("${t.otherJob}/files/main.py", "utf8"));
probe("temproot", () => fs.readdirSync("${t.tempRoot}"));
probe("root", () => fs.readdirSync("/root"));
probe("home", () => fs.readdirSync("/home"));
probe("server-environ", () => fs.readFileSync("/proc/${t.serverPid}/environ", "utf8"));
`,
  writes: `
const fs = require("fs");
for (const [label, path] of [["usr", "/usr/evil"], ["etc", "/etc/evil"], ["rootdir", "/evil"], ["temproot", "${t.tempRoot}/evil"], ["datadir", "${t.dataDir}/evil"]]) {
  try { fs.writeFileSync(path, "x"); console.log(label, "OPEN"); } catch (e) { console.log(label, e.code); }
}
`,
  network: `
const net = require("net");
(async () => {
  for (const port of ${JSON.stringify(t.ports)}) {
    const outcome = await new Promise((resolve) => {
      const s = net.connect({ host: "127.0.0.1", port, timeout: 1000 });
      s.on("connect", () => { s.destroy(); resolve("OPEN"); });
      s.on("timeout", () => { s.destroy(); resolve("TIMEOUT"); });
      s.on("error", (e) => resolve(e.code));
    });
    console.log(port, outcome);
  }
})();
`,
  forkBomb: `
try { for (;;) require("child_process").spawn("/bin/sh", ["-c", "sleep 30"]); } catch (e) { console.log("fork", e.code); }
`,
  memoryBomb: `
const chunks = [];
try { for (;;) chunks.push(Buffer.alloc(64 * 1024 * 1024, 1)); } catch (e) { console.log("memory", e.code || e.name, chunks.length); }
`,
  fillDisk: `
const fs = require("fs");
try { for (let i = 0; ; i++) fs.writeFileSync("fill" + i, Buffer.alloc(1 << 24)); } catch (e) { console.log("job", e.code); }
`,
  sleepingChild: `
try { require("child_process").spawn("/bin/sh", ["-c", "setsid sleep 30 &"], { detached: true }); console.log("spawned"); } catch (e) { console.log("child", e.code); }
`,
  endlessOutput: `
const line = "x".repeat(99);
for (;;) console.log(line);
`,
  signals: `
for (const [label, pid] of [["server", ${t.serverPid}], ["everyone", -1]]) {
  try { process.kill(pid, "SIGKILL"); console.log(label, "SENT"); } catch (e) { console.log(label, e.code); }
}
`,
});

/** The attack programs in each language, aimed at `targets`. */
export function attackPrograms(targets: Targets): Record<Language, Record<Attack, string>> {
  return { python: py(targets), java: java(targets), javascript: js(targets) };
}

/** Parses `label OUTCOME …` lines into a map from label to the rest of the line. */
export function outcomes(output: string): Map<string, string> {
  const map = new Map<string, string>();
  for (const line of output.split('\n')) {
    const space = line.indexOf(' ');
    if (space > 0) map.set(line.slice(0, space), line.slice(space + 1));
  }
  return map;
}
