#include "engines/engine_servers.hpp"

#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdlib>

namespace namnd::test {

std::string serverUri(const char* variable) {
  const char* value = std::getenv(variable);
  return value ? value : "";
}

std::string uniqueScope(const std::string& prefix) {
  static std::atomic<int> counter{0};
  const auto now = std::chrono::system_clock::now().time_since_epoch();
  return prefix + "-" + std::to_string(::getpid()) + "-" +
         std::to_string(std::chrono::duration_cast<std::chrono::microseconds>(now).count()) + "-" +
         std::to_string(counter++);
}

}  // namespace namnd::test
