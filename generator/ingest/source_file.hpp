#pragma once
// The raw bytes of one input file and their SHA-256, read once: the hash decides whether an
// import is a repeat, the bytes feed the parser.

#include <filesystem>
#include <string>

namespace namnd {

struct SourceFile {
  std::string displayName;
  std::string bytes;
  std::string sha256;  // lower-case hex
};

// Throws InputError (Swedish, naming displayName) when the file cannot be read.
SourceFile readSourceFile(const std::filesystem::path& path, const std::string& displayName);

}  // namespace namnd
