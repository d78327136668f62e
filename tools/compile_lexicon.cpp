// Build step: writes the compiled form of the default lexicon files and
// dictionaries (src/lexicon/compiled.cpp) to the path given. A defect of the
// default files is no build failure: the program reads the text then and
// reports it where it always has.
#include <cstdio>
#include <exception>
#include <iostream>

#include "eventgraph/lexicon/load.hpp"

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: eventgraph_compile_lexicon OUTPUT\n";
        return 2;
    }
    try {
        eventgraph::lexicon::write_compiled_lexicon(argv[1]);
    } catch (const std::exception& e) {
        std::remove(argv[1]);
        std::cerr << "eventgraph_compile_lexicon: not compiled, the text will be read: " << e.what()
                  << '\n';
    }
    return 0;
}
