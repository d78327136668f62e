// The Catch2 runner; compiled once so test files build fast.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
