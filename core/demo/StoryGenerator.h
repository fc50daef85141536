#pragma once

#include "OrderStory.h"

namespace ordo {

class DemoRandom;

// Simulates an order's life from capture to `now`: realistic delays between the steps of the happy path
// (validation in seconds, picking within hours, delivery in days), cancellations and exceptions with reason
// codes, holds resolved or still open, and for split orders lines that move on at different speeds. Every
// move it records is one that OrderStateMachine allows. When the order is routed (OrderStory::routedAt)
// depends on the randomness and the times only, not on the locations, sites or groups in the input: the demo
// tells a story once to learn the moment, routes the order then, and tells it again with the router's
// assignment.
class StoryGenerator {
public:
    static OrderStory tell(DemoRandom& random, const StoryInput& input);

    static constexpr double cancelShare = 0.03;
    static constexpr double exceptionShare = 0.04;
};

} // namespace ordo
