#include "ingest/source_file.hpp"

#include <openssl/evp.h>

#include <fstream>
#include <stdexcept>
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

// SHA-256 through OpenSSL: it uses the CPU's SHA instructions (≈ 1,4 GB/s here against
// ≈ 0,26 GB/s for Poco's portable code), and every import hashes its whole file first.
class Sha256 {
 public:
  Sha256() : context_(EVP_MD_CTX_new()) {
    if (!context_ || EVP_DigestInit_ex(context_, EVP_sha256(), nullptr) != 1)
      throw std::runtime_error("SHA-256 kunde inte startas");
  }
  ~Sha256() { EVP_MD_CTX_free(context_); }
  Sha256(const Sha256&) = delete;
  Sha256& operator=(const Sha256&) = delete;

  void update(const char* data, std::size_t size) { EVP_DigestUpdate(context_, data, size); }
  std::string hex() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(context_, digest, &length);
    static constexpr char kHex[] = "0123456789abcdef";
    std::string text;
    for (unsigned int i = 0; i < length; ++i) {
      text += kHex[digest[i] >> 4];
      text += kHex[digest[i] & 0xF];
    }
    return text;
  }

 private:
  EVP_MD_CTX* context_;
};

}  // namespace

std::string sha256Hex(std::string_view bytes) {
  Sha256 hash;
  hash.update(bytes.data(), bytes.size());
  return hash.hex();
}

SourceFile hashSourceFile(const std::filesystem::path& path, const std::string& displayName) {
  Sha256 sha;
  readBlocks(path, displayName,
             [&](const char* data, std::size_t size) { sha.update(data, size); });
  return {path, displayName, sha.hex(), {}};
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
  Sha256 sha;
  sha.update(bytes.data(), bytes.size());
  return {path, displayName, sha.hex(), std::move(bytes)};
}

}  // namespace namnd
