#pragma once
// One input file as the import sees it: its name for messages and the SHA-256 of its bytes,
// which decides whether an import is a repeat. Hashing streams; parsers open the file again.

#include <filesystem>
#include <string>
#include <string_view>

namespace namnd {

struct SourceFile {
  std::filesystem::path path;
  std::string displayName;
  std::string sha256;  // lower-case hex
  std::string bytes;   // the whole file, only when read with readSourceFile
};

// SHA-256 of bytes in memory, as lowercase hex (the form SourceFile::sha256 has).
std::string sha256Hex(std::string_view bytes);

// Hashes the file in blocks without keeping it. Throws InputError when it cannot be read.
SourceFile hashSourceFile(const std::filesystem::path& path, const std::string& displayName);

// Reads the whole file (for formats that need it all: XLSX, SIE) and hashes it.
SourceFile readSourceFile(const std::filesystem::path& path, const std::string& displayName);

// The whole file's bytes, without hashing (when the hash is already known).
std::string readFileBytes(const std::filesystem::path& path, const std::string& displayName);

}  // namespace namnd
