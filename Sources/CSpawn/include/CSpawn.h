#ifndef REEL_CSPAWN_H
#define REEL_CSPAWN_H

#include <spawn.h>

/// Creates a pipe whose two ends are closed on exec. Returns 0, or -1 with errno set.
int reel_pipe_cloexec(int fds[2]);

/// Adds "close every descriptor from `lowest` up" to spawn file actions (glibc >= 2.34).
int reel_spawn_add_closefrom(posix_spawn_file_actions_t *actions, int lowest);

#endif
