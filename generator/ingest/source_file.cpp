#include "ingest/source_file.hpp"

#include <Poco/DigestEngine.h>
#include <Poco/SHA2Engine.h>

#include <fstream>
#include <iterator>

#include "core/errors.hpp"

namespace namnd {

SourceFile readSourceFile(const std::filesystem::path& path, const std::string& displayName) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw InputError({displayName, 0, ""}, "filen kan inte öppnas");
  SourceFile file;
  file.displayName = displayName;
  file.bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  if (in.bad()) throw InputError({displayName, 0, ""}, "filen kan inte läsas");
  Poco::SHA2Engine sha(Poco::SHA2Engine::SHA_256);
  sha.update(file.bytes.data(), static_cast<unsigned>(file.bytes.size()));
  file.sha256 = Poco::DigestEngine::digestToHex(sha.digest());
  return file;
}

}  // namespace namnd
