#pragma once
// The runs of a batch go to child processes of the program itself: a run that fails, or even one
// that crashes on a damaged file, cannot take the others with it, and each has its own memory.
// Runs that share a store go one after another (a "lane"), the lanes side by side.

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace namnd {

struct ChildTask {
  std::vector<std::string> args;  // after the program name
  std::string lane;               // tasks of one lane run one at a time, in list order
  std::filesystem::path log;      // the child's stdout and stderr
};

struct ChildEnd {
  int exitCode = 0;         // the child's exit code; 128 + signal when it was killed
  std::string description;  // Swedish, for a child that did not exit normally; else empty
};

// Runs every task as `program args…` with at most `workers` at a time (at least 1). `onStart` is
// called as a task starts, `onEnd` as it ends, both on this thread. A task that cannot be started
// ends with exit code 127 and a description.
void runChildren(const std::filesystem::path& program, const std::vector<ChildTask>& tasks,
                 unsigned workers, const std::function<void(std::size_t)>& onStart,
                 const std::function<void(std::size_t, const ChildEnd&)>& onEnd);

// The running program's own file (/proc/self/exe), which stays this build even if the file it was
// started from is replaced while the batch runs.
std::filesystem::path ownProgram();

}  // namespace namnd
