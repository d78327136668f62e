#include <iostream>
#include "eventgraph/version.hpp"
int main() { std::cout << "eventgraph " << eventgraph::version << "\n"; }
