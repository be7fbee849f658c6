package dk.stafet.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcessUsageTest {

  private static final long THIS_JVM = ProcessHandle.current().pid();

  @Test
  void theJitCompilersShareOfAJvmIsPartOfItsCpu() {
    // This JVM has compiled JUnit and the test by now; its compiler threads used some CPU, and
    // never more than the whole process.
    double jit = ProcessUsage.jitCpuSeconds(THIS_JVM);
    double all = ProcessUsage.cpuSeconds(THIS_JVM, false);

    assertThat(jit).isPositive().isLessThan(all);
  }

  @Test
  void aProcessThatIsGoneHasUsedNothing() {
    assertThat(ProcessUsage.jitCpuSeconds(Long.MAX_VALUE)).isZero();
    assertThat(ProcessUsage.cpuSeconds(Long.MAX_VALUE, false)).isZero();
  }
}
