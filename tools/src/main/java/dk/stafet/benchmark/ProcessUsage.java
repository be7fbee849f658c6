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
        String stat = Files.readString(thread.resolve("stat"));
        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
        if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
          ticks += ownTicks(fieldsAfterCommand(stat));
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
    double ticks = ownTicks(f);
    if (exitedChildren) {
      ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }
    return ticks / TICKS_PER_SECOND;
  }

  private static String[] stat(long pid) {
    try {
      return fieldsAfterCommand(Files.readString(Path.of("/proc/" + pid + "/stat")));
    } catch (IOException | RuntimeException gone) {
      return null;
    }
  }

  /**
   * The fields of a {@code stat} line after the command (which may hold spaces and parentheses):
   * state is index 0, utime 11, stime 12, cutime 13, cstime 14.
   */
  private static String[] fieldsAfterCommand(String stat) {
    return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
  }

  /** utime + stime: the ticks the process or thread itself has used. */
  private static long ownTicks(String[] fields) {
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
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
