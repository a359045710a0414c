#include "batch/child_processes.hpp"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <map>
#include <optional>
#include <set>
#include <variant>

extern char** environ;

namespace namnd {
namespace {

// Starts one child; its pid, or the reason it could not start.
std::variant<pid_t, std::string> start(const std::filesystem::path& program,
                                       const ChildTask& task) {
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  const std::string log = task.log.string();
  posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(),
                                   O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  std::vector<std::string> words{program.string()};
  words.insert(words.end(), task.args.begin(), task.args.end());
  std::vector<char*> argv;
  for (std::string& word : words) argv.push_back(word.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int error = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  if (error != 0)
    return std::string("kunde inte starta ") + program.string() + ": " + strerror(error);
  return pid;
}

ChildEnd endOf(int status) {
  if (WIFEXITED(status)) return {WEXITSTATUS(status), ""};
  if (WIFSIGNALED(status)) {
    const int signal = WTERMSIG(status);
    return {128 + signal, std::string("körningen avbröts av signal ") + std::to_string(signal) +
                              " (" + strsignal(signal) + ")"};
  }
  return {1, "körningen slutade på ett okänt sätt"};
}

}  // namespace

std::filesystem::path ownProgram() {
  // Not the path it was started from: a program rebuilt while the batch runs would otherwise make
  // the later runs. /proc/self/exe is this process's own file, even when replaced on disk.
  return "/proc/self/exe";
}

void runChildren(const std::filesystem::path& program, const std::vector<ChildTask>& tasks,
                 unsigned workers, const std::function<void(std::size_t)>& onStart,
                 const std::function<void(std::size_t, const ChildEnd&)>& onEnd) {
  workers = std::max(1U, workers);
  std::vector<bool> started(tasks.size(), false);
  std::set<std::string> busyLanes;
  std::map<pid_t, std::size_t> running;
  std::size_t ended = 0;
  while (ended < tasks.size()) {
    // Start what may start: the first waiting task of each free lane, in list order.
    for (std::size_t i = 0; i < tasks.size() && running.size() < workers; ++i) {
      if (started[i] || busyLanes.contains(tasks[i].lane)) continue;
      bool earlierWaiting = false;
      for (std::size_t j = 0; j < i; ++j)
        if (!started[j] && tasks[j].lane == tasks[i].lane) earlierWaiting = true;
      if (earlierWaiting) continue;
      started[i] = true;
      onStart(i);
      const auto child = start(program, tasks[i]);
      if (const auto* problem = std::get_if<std::string>(&child)) {
        ++ended;
        onEnd(i, {127, *problem});
        continue;
      }
      running.emplace(std::get<pid_t>(child), i);
      busyLanes.insert(tasks[i].lane);
    }
    if (running.empty()) continue;  // every remaining task failed to start and has ended
    int status = 0;
    const pid_t pid = ::waitpid(-1, &status, 0);
    if (pid < 0) {
      if (errno == EINTR) continue;
      // No child left to wait for (should not happen): end the rest as failed.
      for (const auto& [lost, index] : running) {
        ++ended;
        onEnd(index, {1, "körningens process försvann"});
      }
      running.clear();
      busyLanes.clear();
      continue;
    }
    const auto found = running.find(pid);
    if (found == running.end()) continue;  // not one of ours
    const std::size_t index = found->second;
    running.erase(found);
    busyLanes.erase(tasks[index].lane);
    ++ended;
    onEnd(index, endOf(status));
  }
}

}  // namespace namnd
