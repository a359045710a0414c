#include "core/json_file.hpp"

#include <Poco/Exception.h>
#include <Poco/JSON/Parser.h>

#include <fstream>
#include <sstream>

#include "core/errors.hpp"

namespace namnd {

Poco::JSON::Object::Ptr readJsonObjectFile(const std::filesystem::path& file,
                                           const std::string& what) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw ConfigError(file.string() + ": " + what + " finns inte eller kan inte läsas");
  std::stringstream buffer;
  buffer << in.rdbuf();
  Poco::Dynamic::Var result;
  try {
    Poco::JSON::Parser parser;
    result = parser.parse(buffer.str());
  } catch (const Poco::Exception& e) {
    throw ConfigError(file.string() + ": ogiltig JSON (" + e.message() + ")");
  }
  if (result.type() != typeid(Poco::JSON::Object::Ptr))
    throw ConfigError(file.string() + ": " + what + " ska vara ett JSON-objekt");
  auto root = result.extract<Poco::JSON::Object::Ptr>();
  if (!root) throw ConfigError(file.string() + ": " + what + " ska vara ett JSON-objekt");
  return root;
}

}  // namespace namnd
