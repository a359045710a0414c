#pragma once
// A file that holds one JSON object (a config, a job file), read whole and parsed with Poco, with
// the Swedish errors every such file gets.

#include <Poco/JSON/Object.h>

#include <filesystem>
#include <string>

namespace namnd {

// ConfigError naming the file when it cannot be read ("<file>: <what> kan inte läsas"), is not
// JSON ("ogiltig JSON (…)") or is JSON but not an object ("<what> ska vara ett JSON-objekt").
// `what` names the file for the user: "konfigurationsfilen", "jobbfilen".
Poco::JSON::Object::Ptr readJsonObjectFile(const std::filesystem::path& file,
                                           const std::string& what);

}  // namespace namnd
