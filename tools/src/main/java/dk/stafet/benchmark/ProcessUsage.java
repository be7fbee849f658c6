package dk.stafet.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * CPU time and resident memory of a process (and, for PostgreSQL, of the postmaster's children)
 * from Linux's {@code /proc}: {@code utime + stime} (plus the children that exited, {@code cutime +
 * cstime}) in clock ticks of 1/100 s.
 */
final class ProcessUsage {

  private static final double TICKS_PER_SECOND = 100.0;

  private ProcessUsage() {}

  /** CPU seconds the process has used so far; with its children when {@code withChildren}. */
  static double cpuSeconds(long pid, boolean withChildren) {
    double seconds = ownCpu(pid, withChildren);
    if (withChildren) {
      for (long child : children(pid)) {
        seconds += ownCpu(child, false);
      }
    }
    return seconds;
  }

  /**
   * CPU seconds a JVM's JIT compiler threads (HotSpot's {@code C1 CompilerThread}s and {@code C2
   * CompilerThread}s) have used so far: the part of a service's CPU that is compiling its code, not
   * working its messages. It goes on for minutes after a start (HAPI is much code), so a
   * benchmark's first minutes carry it.
   */
  static double jitCpuSeconds(long pid) {
    double ticks = 0;
    try (var threads = Files.list(Path.of("/proc/" + pid + "/task"))) {
      for (Path thread : threads.toList()) {
        String s = Files.readString(thread.resolve("stat"));
        String name = s.substring(s.indexOf('(') + 1, s.lastIndexOf(')'));
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
          String[] f = s.substring(s.lastIndexOf(')') + 2).split(" ");
          ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
        }
      }
    } catch (IOException | RuntimeException gone) {
      // the process or a thread ended while being read: what was read so far
    }
    return ticks / TICKS_PER_SECOND;
  }

  /** Resident set size in MiB (with the children when {@code withChildren}). */
  static double rssMiB(long pid, boolean withChildren) {
    double kib = rssKiB(pid);
    if (withChildren) {
      for (long child : children(pid)) {
        kib += rssKiB(child);
      }
    }
    return kib / 1024;
  }

  private static double ownCpu(long pid, boolean exitedChildren) {
    String[] f = stat(pid);
    if (f == null) {
      return 0;
    }
    // fields after the command: state is index 0, utime 11, stime 12, cutime 13, cstime 14
    double ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
    if (exitedChildren) {
      ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }
    return ticks / TICKS_PER_SECOND;
  }

  private static String[] stat(long pid) {
    try {
      String s = Files.readString(Path.of("/proc/" + pid + "/stat"));
      return s.substring(s.lastIndexOf(')') + 2).split(" ");
    } catch (IOException | RuntimeException gone) {
      return null;
    }
  }

  private static long rssKiB(long pid) {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmRSS:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException | RuntimeException gone) {
      // the process ended
    }
    return 0;
  }

  private static List<Long> children(long parent) {
    List<Long> children = new ArrayList<>();
    try (var dirs = Files.list(Path.of("/proc"))) {
      dirs.map(p -> p.getFileName().toString())
          .filter(name -> name.chars().allMatch(Character::isDigit))
          .forEach(
              name -> {
                String[] f = stat(Long.parseLong(name));
                if (f != null && Long.parseLong(f[1]) == parent) {
                  children.add(Long.parseLong(name));
                }
              });
    } catch (IOException e) {
      throw new IllegalStateException("cannot list /proc", e);
    }
    return children;
  }
}
