// The client tests' own main: `namnd_client_tests --skriv-rapporter MAPP` writes the example
// kommun's reports into MAPP once (ctest's fixture test, so that each client test need not), and
// anything else runs the tests as gtest_main would.

#include <gtest/gtest.h>

#include <cstring>
#include <iostream>

#include "clients/client_reports.hpp"

int main(int argc, char** argv) {
  if (argc == 3 && std::strcmp(argv[1], "--skriv-rapporter") == 0)
    return namnd::clients::writeClientReports(argv[2], std::cout) ? 0 : 1;
  ::testing::InitGoogleTest(&argc, argv);
  return RUN_ALL_TESTS();
}
