// GNU extensions that Swift's Glibc module does not expose: pipe2 and closefrom for posix_spawn.
#define _GNU_SOURCE
#include <fcntl.h>
#include <spawn.h>
#include <unistd.h>

#include "CSpawn.h"

int reel_pipe_cloexec(int fds[2]) { return pipe2(fds, O_CLOEXEC); }

int reel_spawn_add_closefrom(posix_spawn_file_actions_t *actions, int lowest) {
    return posix_spawn_file_actions_addclosefrom_np(actions, lowest);
}
