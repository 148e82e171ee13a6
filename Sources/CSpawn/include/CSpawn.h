#ifndef REEL_CSPAWN_H
#define REEL_CSPAWN_H

#include <sys/types.h>

/// Creates a pipe whose two ends are closed on exec. Returns 0, or -1 with errno set.
int reel_pipe_cloexec(int fds[2]);

/// Starts `path` with `argv` and `envp`: standard input from /dev/null, output and error on
/// `out_fd` and `err_fd`, every other descriptor closed, default signal handling, `niceness`,
/// and SIGKILL when the calling thread ends (PR_SET_PDEATHSIG), so a child never outlives the
/// process that started it; call it from a thread that lives as long as the process.
/// Returns the child's pid, or -1 with errno set (also when exec fails).
pid_t reel_spawn(const char *path, char *const argv[], char *const envp[], int out_fd, int err_fd, int niceness);

#endif
