#pragma once
// An output file that appears all at once: everything is written to a temp file in the target's
// folder and renamed over the target on commit(), so a crash never leaves a half-written report
// (rename within one folder is atomic on POSIX file systems).

#include <filesystem>
#include <string_view>

namespace namnd {

class AtomicOutputFile {
 public:
  // Creates the target's folder when missing (OutputError if that fails). Nothing is written yet.
  explicit AtomicOutputFile(std::filesystem::path target);
  // Removes the temp file unless commit() succeeded.
  ~AtomicOutputFile();

  AtomicOutputFile(const AtomicOutputFile&) = delete;
  AtomicOutputFile& operator=(const AtomicOutputFile&) = delete;

  const std::filesystem::path& target() const { return target_; }
  // Where to write (e.g. hand this path to a library that writes files itself).
  const std::filesystem::path& tempPath() const { return temp_; }

  // Replaces the temp file's content with `bytes`. OutputError on failure.
  void write(std::string_view bytes);

  // Flushes the temp file to disk and renames it over the target. OutputError on failure (the
  // target is then left as it was).
  void commit();

 private:
  std::filesystem::path target_;
  std::filesystem::path temp_;
  bool committed_ = false;
};

// The whole of `bytes` as `target`, through an AtomicOutputFile. OutputError on failure.
void writeFileAtomically(const std::filesystem::path& target, std::string_view bytes);

// Creates `folder` (and its parents) if missing. Throws OutputError (Swedish) when it cannot.
void createOutputFolder(const std::filesystem::path& folder);

}  // namespace namnd
