//go:build !unix

package main

import "syscall"

// detachAttr: no session of its own outside POSIX systems; the emulator
// still runs after the starting process exits.
func detachAttr() *syscall.SysProcAttr { return nil }
