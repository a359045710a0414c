#include "render/atomic_output_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <exception>
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

// A writer killed outright (SIGKILL, power loss) leaves its temp file behind. Those of earlier
// writers of the same target whose process is gone are removed, so that a killed run leaves no
// trace after the next one; a temp file of a live process (a concurrent run) is left alone.
void removeStaleTempFiles(const std::filesystem::path& target) {
  const std::filesystem::path folder =
      target.parent_path().empty() ? std::filesystem::path(".") : target.parent_path();
  const std::string prefix = "." + target.filename().string() + ".tmp-";
  std::error_code ec;
  for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end;
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (!name.starts_with(prefix)) continue;
    const std::string rest = name.substr(prefix.size());
    const std::size_t dash = rest.find('-');
    if (dash == 0 || dash == std::string::npos) continue;
    pid_t pid = 0;
    try {
      pid = static_cast<pid_t>(std::stol(rest.substr(0, dash)));
    } catch (const std::exception&) {
      continue;
    }
    if (pid <= 0 || pid == ::getpid()) continue;
    if (::kill(pid, 0) == 0 || errno != ESRCH) continue;  // alive, or not ours to judge
    std::error_code ignored;
    std::filesystem::remove(it->path(), ignored);
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
  removeStaleTempFiles(target_);
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

void createOutputFolder(const std::filesystem::path& folder) {
  std::error_code error;
  std::filesystem::create_directories(folder, error);
  if (error || !std::filesystem::is_directory(folder))
    throw OutputError("Mappen " + folder.string() + " kan inte skapas" +
                      (error ? ": " + error.message() : ""));
}

}  // namespace namnd
