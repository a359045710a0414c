#include "ingest/source_file.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <fstream>
#include <vector>

#include "core/errors.hpp"

namespace namnd {
namespace {

// Reads the file block by block, handing each block to `onBlock`.
template <typename OnBlock>
void readBlocks(const std::filesystem::path& path, const std::string& displayName,
                OnBlock onBlock) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({displayName, 0, ""}, "filen kan inte öppnas");
  std::vector<char> block(1 << 20);
  while (in) {
    in.read(block.data(), static_cast<std::streamsize>(block.size()));
    const auto got = static_cast<std::size_t>(in.gcount());
    if (in.bad()) throw InputError({displayName, 0, ""}, "filen kan inte läsas");
    if (got > 0) onBlock(block.data(), got);
  }
}

}  // namespace

SourceFile hashSourceFile(const std::filesystem::path& path, const std::string& displayName) {
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  readBlocks(path, displayName, [&](const char* data, std::size_t size) {
    sha.update(data, static_cast<unsigned>(size));
  });
  return {path, displayName, Poco::DigestEngine::digestToHex(sha.digest()), {}};
}

std::string readFileBytes(const std::filesystem::path& path, const std::string& displayName) {
  std::string bytes;
  std::error_code ignored;
  if (const auto size = std::filesystem::file_size(path, ignored); !ignored) bytes.reserve(size);
  readBlocks(path, displayName,
             [&](const char* data, std::size_t size) { bytes.append(data, size); });
  return bytes;
}

SourceFile readSourceFile(const std::filesystem::path& path, const std::string& displayName) {
  std::string bytes = readFileBytes(path, displayName);
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  sha.update(bytes.data(), static_cast<unsigned>(bytes.size()));
  return {path, displayName, Poco::DigestEngine::digestToHex(sha.digest()), std::move(bytes)};
}

}  // namespace namnd
