#include "batch/batch_lock.hpp"

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "core/errors.hpp"

namespace namnd {

BatchLock::BatchLock(const std::filesystem::path& outputRoot) {
  const std::filesystem::path folder = outputRoot / "logg";
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  const std::filesystem::path file = folder / ".korning.lock";
  fd_ = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
  if (fd_ < 0)
    throw OutputError(file.string() + ": låsfilen kan inte skapas (" + std::strerror(errno) + ")");
  if (::flock(fd_, LOCK_EX | LOCK_NB) != 0) {
    const int reason = errno;
    ::close(fd_);
    fd_ = -1;
    if (reason == EWOULDBLOCK)
      throw OutputError(outputRoot.string() +
                        ": en annan körning skriver redan hit; vänta tills den är klar");
    throw OutputError(file.string() + ": låsfilen kan inte låsas (" + std::strerror(reason) + ")");
  }
}

BatchLock::~BatchLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace namnd
