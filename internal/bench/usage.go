package bench

import (
	"fmt"
	"os"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// Usage is what a provider process cost: its peak resident set and the CPU
// time it spent (user + system).
type Usage struct {
	PeakRSSBytes int64   `json:"peak_rss_bytes"`
	CPUSeconds   float64 `json:"cpu_seconds"`
}

// fromRusage reads a child's rusage as Linux fills it: Maxrss in KiB.
func fromRusage(ru *syscall.Rusage) Usage {
	tv := func(t syscall.Timeval) time.Duration {
		return time.Duration(t.Sec)*time.Second + time.Duration(t.Usec)*time.Microsecond
	}
	return Usage{PeakRSSBytes: int64(ru.Maxrss) * 1024, //nolint:unconvert // Maxrss is int32 on some platforms
		CPUSeconds: (tv(ru.Utime) + tv(ru.Stime)).Seconds()}
}

// usageOf is the rusage of an exited child process.
func usageOf(ps *os.ProcessState) (Usage, error) {
	ru, ok := ps.SysUsage().(*syscall.Rusage)
	if !ok || ru == nil {
		return Usage{}, fmt.Errorf("no rusage for process %d", ps.Pid())
	}
	return fromRusage(ru), nil
}

// clockTicks is USER_HZ, the unit of /proc/<pid>/stat times; 100 on every
// Linux architecture Go supports.
const clockTicks = 100

// parseProcStat returns utime+stime of a /proc/<pid>/stat line. The
// command name (field 2) may hold spaces and parentheses: fields are
// counted from the last ')'.
func parseProcStat(line string) (float64, error) {
	i := strings.LastIndexByte(line, ')')
	if i < 0 {
		return 0, fmt.Errorf("malformed stat line")
	}
	f := strings.Fields(line[i+1:])
	// f[0] is field 3 (state); utime and stime are fields 14 and 15.
	if len(f) < 13 {
		return 0, fmt.Errorf("stat line has %d fields after the name, want at least 13", len(f))
	}
	u, err1 := strconv.ParseInt(f[11], 10, 64)
	s, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0, fmt.Errorf("malformed utime/stime %q %q", f[11], f[12])
	}
	return float64(u+s) / clockTicks, nil
}

// procCPU is the CPU seconds a running process has used so far (Linux);
// ok is false elsewhere.
func procCPU(pid int) (float64, bool) {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0, false
	}
	v, err := parseProcStat(string(b))
	return v, err == nil
}
