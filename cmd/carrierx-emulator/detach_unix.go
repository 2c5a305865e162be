//go:build unix

package main

import "syscall"

// detachAttr puts the background emulator in a session of its own, so that
// neither the shell's job control nor a closed terminal stops it.
func detachAttr() *syscall.SysProcAttr { return &syscall.SysProcAttr{Setsid: true} }
