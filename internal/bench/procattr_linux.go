package bench

import "syscall"

// childAttr kills the provider if the benchmark itself is killed (SIGKILL
// leaves no time for its cleanup).
func childAttr() *syscall.SysProcAttr { return &syscall.SysProcAttr{Pdeathsig: syscall.SIGKILL} }
