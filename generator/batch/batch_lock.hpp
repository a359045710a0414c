#pragma once
// One batch at a time per output folder: a scheduled run that starts while yesterday's still runs
// (or a controller's run beside the scheduled one) would otherwise write the same reports and
// records at once. The lock is an flock on <utdata>/logg/.korning.lock, released when the process
// ends, however it ends.

#include <filesystem>

namespace namnd {

class BatchLock {
 public:
  // Throws OutputError (Swedish) when another batch holds the folder or the lock file cannot be
  // made.
  explicit BatchLock(const std::filesystem::path& outputRoot);
  ~BatchLock();
  BatchLock(const BatchLock&) = delete;
  BatchLock& operator=(const BatchLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace namnd
