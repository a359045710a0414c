#include "render/atomic_output_file.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <fstream>
#include <string>
#include <system_error>
#include <utility>

#include "core/errors.hpp"

namespace namnd {
namespace {

// Unique within the process (counter) and across processes (pid), so that two writers of the
// same target never share a temp file. A hidden name keeps it out of the way in file listings.
std::filesystem::path tempPathFor(const std::filesystem::path& target) {
  static std::atomic<unsigned> counter{0};
  std::string name = ".";
  name += target.filename().string();
  name += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(counter.fetch_add(1));
  return target.parent_path() / name;
}

// Without fsync a power loss right after the rename can leave an empty file under the target name.
void syncToDisk(const std::filesystem::path& file, const std::filesystem::path& target) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    throw OutputError("Kan inte skriva filen " + target.string() + ": " +
                      std::generic_category().message(errno));
  }
  const int rc = ::fsync(fd);
  const int err = errno;
  ::close(fd);
  if (rc != 0) {
    throw OutputError("Kan inte skriva filen " + target.string() + ": " +
                      std::generic_category().message(err));
  }
}

}  // namespace

AtomicOutputFile::AtomicOutputFile(std::filesystem::path target) : target_(std::move(target)) {
  const std::filesystem::path folder = target_.parent_path();
  if (!folder.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(folder, ec);
    if (ec) {
      throw OutputError("Kan inte skapa mappen " + folder.string() + ": " + ec.message());
    }
  }
  temp_ = tempPathFor(target_);
}

AtomicOutputFile::~AtomicOutputFile() {
  if (committed_) return;
  std::error_code ignored;  // a destructor must not throw; a leftover temp file is harmless
  std::filesystem::remove(temp_, ignored);
}

void AtomicOutputFile::write(std::string_view bytes) {
  std::ofstream out(temp_, std::ios::binary | std::ios::trunc);
  if (out) out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (out) out.close();
  if (!out) throw OutputError("Kan inte skriva filen " + target_.string());
}

void AtomicOutputFile::commit() {
  if (!std::filesystem::is_regular_file(temp_)) {
    throw OutputError("Kan inte skriva filen " + target_.string() + ": inget innehåll skrevs");
  }
  syncToDisk(temp_, target_);
  std::error_code ec;
  std::filesystem::rename(temp_, target_, ec);
  if (ec) throw OutputError("Kan inte ersätta filen " + target_.string() + ": " + ec.message());
  committed_ = true;
}

void writeFileAtomically(const std::filesystem::path& target, std::string_view bytes) {
  AtomicOutputFile file(target);
  file.write(bytes);
  file.commit();
}

}  // namespace namnd
