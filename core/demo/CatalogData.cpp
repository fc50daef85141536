#include "CatalogData.h"

using namespace Qt::StringLiterals;

namespace ordo::catalog {

namespace {

QStringList adult() {
    return {u"Men's"_s, u"Women's"_s};
}

} // namespace

const QList<ProductType>& productTypes() {
    using S = Sizes;
    using P = Palette;
    // One product type a line: the table reads as a table.
    // clang-format off
    static const QList<ProductType> types = {
        // Apparel
        {u"Apparel"_s, u"AP"_s, u"Crew Tee"_s, adult(), {u"Organic Cotton"_s, u"Merino"_s, u"Slub"_s, u"Performance"_s}, S::Apparel, P::Apparel, 14, 45, 140, 220, -1, false, 5},
        {u"Apparel"_s, u"AP"_s, u"V-Neck Tee"_s, adult(), {u"Organic Cotton"_s, u"Pima"_s}, S::Apparel, P::Apparel, 16, 38, 130, 200, -1, false, 2},
        {u"Apparel"_s, u"AP"_s, u"Polo Shirt"_s, adult(), {u"Pique"_s, u"Performance"_s}, S::Apparel, P::Apparel, 29, 69, 220, 300, -1, false, 2.5},
        {u"Apparel"_s, u"AP"_s, u"Oxford Shirt"_s, adult(), {u"Stretch"_s, u"Classic"_s}, S::Apparel, P::Apparel, 39, 89, 260, 340, -1, false, 2.5},
        {u"Apparel"_s, u"AP"_s, u"Hoodie"_s, adult(), {u"Fleece"_s, u"French Terry"_s, u"Recycled"_s}, S::Apparel, P::Apparel, 39, 98, 450, 700, -1, false, 3},
        {u"Apparel"_s, u"AP"_s, u"Crewneck Sweatshirt"_s, adult(), {u"Fleece"_s, u"Vintage Wash"_s}, S::Apparel, P::Apparel, 35, 79, 420, 620, -1, false, 2},
        {u"Apparel"_s, u"AP"_s, u"Chino Pants"_s, {u"Men's"_s}, {u"Stretch"_s, u"Slim"_s, u"Relaxed"_s}, S::Waist, P::Neutral, 44, 98, 450, 600, -1, false, 2.5},
        {u"Apparel"_s, u"AP"_s, u"Jeans"_s, adult(), {u"Slim"_s, u"Straight"_s, u"High-Rise"_s, u"Relaxed"_s}, S::Waist, P::Neutral, 49, 128, 550, 800, -1, false, 3},
        {u"Apparel"_s, u"AP"_s, u"Joggers"_s, adult(), {u"Fleece"_s, u"Tech"_s}, S::Apparel, P::Apparel, 34, 78, 350, 500, -1, false, 2},
        {u"Apparel"_s, u"AP"_s, u"Leggings"_s, {u"Women's"_s}, {u"High-Rise"_s, u"Performance"_s}, S::Apparel, P::Apparel, 29, 98, 200, 300, -1, false, 2.5},
        {u"Apparel"_s, u"AP"_s, u"Wrap Dress"_s, {u"Women's"_s}, {u"Linen"_s, u"Jersey"_s, u"Satin"_s}, S::Apparel, P::Apparel, 59, 148, 300, 450, -1, false, 2},
        {u"Apparel"_s, u"AP"_s, u"Midi Skirt"_s, {u"Women's"_s}, {u"Pleated"_s, u"Linen"_s}, S::Apparel, P::Apparel, 45, 98, 250, 380, -1, false, 1.5},
        {u"Apparel"_s, u"AP"_s, u"Cardigan"_s, adult(), {u"Cashmere Blend"_s, u"Cotton"_s}, S::Apparel, P::Apparel, 59, 149, 380, 560, -1, false, 1.5},
        {u"Apparel"_s, u"AP"_s, u"Rain Jacket"_s, adult(), {u"Packable"_s, u"Waterproof"_s}, S::Apparel, P::Outdoor, 79, 199, 350, 600, -1, false, 2},
        {u"Apparel"_s, u"AP"_s, u"Puffer Jacket"_s, adult(), {u"Down"_s, u"Recycled"_s}, S::Apparel, P::Outdoor, 119, 279, 600, 1100, -1, false, 2},
        {u"Apparel"_s, u"AP"_s, u"Graphic Tee"_s, {u"Kids'"_s}, {}, S::Kids, P::Toy, 12, 24, 100, 160, -1, false, 2},
        {u"Apparel"_s, u"AP"_s, u"Pajama Set"_s, {u"Kids'"_s}, {u"Flannel"_s, u"Organic Cotton"_s}, S::Kids, P::Toy, 22, 39, 250, 350, -1, false, 1.5},
        {u"Apparel"_s, u"AP"_s, u"Crew Socks 3-Pack"_s, adult(), {u"Cushioned"_s, u"Merino"_s}, S::Apparel, P::Apparel, 12, 28, 120, 180, -1, false, 1.5},
        // Footwear
        {u"Footwear"_s, u"FW"_s, u"Running Shoe"_s, adult(), {u"Cushioned"_s, u"Lightweight"_s}, S::Shoes, P::Apparel, 89, 169, 560, 760, -1, false, 3},
        {u"Footwear"_s, u"FW"_s, u"Trail Runner"_s, adult(), {}, S::Shoes, P::Outdoor, 99, 159, 620, 820, -1, false, 1.5},
        {u"Footwear"_s, u"FW"_s, u"Leather Sneaker"_s, adult(), {u"Low-Top"_s, u"High-Top"_s}, S::Shoes, P::Neutral, 79, 149, 700, 950, -1, false, 2},
        {u"Footwear"_s, u"FW"_s, u"Chelsea Boot"_s, adult(), {u"Suede"_s, u"Leather"_s}, S::Shoes, P::Neutral, 129, 229, 1000, 1400, -1, false, 1.5},
        {u"Footwear"_s, u"FW"_s, u"Hiking Boot"_s, adult(), {u"Waterproof"_s}, S::Shoes, P::Outdoor, 139, 229, 1100, 1500, -1, false, 1.5},
        {u"Footwear"_s, u"FW"_s, u"Slide Sandal"_s, adult(), {}, S::Shoes, P::Apparel, 25, 59, 300, 450, -1, false, 1.5},
        // Home
        {u"Home"_s, u"HM"_s, u"Percale Sheet Set"_s, {}, {u"Organic Cotton"_s, u"Cotton"_s}, S::Bedding, P::Home, 89, 229, 1300, 2400, -1, false, 2.5},
        {u"Home"_s, u"HM"_s, u"Duvet Cover"_s, {}, {u"Linen"_s, u"Sateen"_s}, S::Bedding, P::Home, 99, 259, 1100, 2000, -1, false, 2},
        {u"Home"_s, u"HM"_s, u"Bath Towel Set"_s, {}, {u"Turkish Cotton"_s, u"Waffle"_s}, S::None, P::Home, 39, 99, 1500, 2200, -1, false, 2},
        {u"Home"_s, u"HM"_s, u"Throw Blanket"_s, {}, {u"Chunky Knit"_s, u"Sherpa"_s, u"Wool"_s}, S::None, P::Home, 49, 149, 900, 1800, -1, false, 2},
        {u"Home"_s, u"HM"_s, u"Throw Pillow Cover"_s, {}, {u"Linen"_s, u"Velvet"_s}, S::None, P::Home, 19, 49, 180, 300, -1, false, 1.5},
        {u"Home"_s, u"HM"_s, u"Area Rug"_s, {}, {u"Hand-Tufted"_s, u"Flatweave"_s, u"Jute"_s}, S::Rug, P::Home, 149, 799, 4500, 18000, -1, true, 1.5},
        {u"Home"_s, u"HM"_s, u"Table Lamp"_s, {}, {u"Ceramic"_s, u"Brass"_s}, S::None, P::Home, 59, 189, 1800, 3500, -1, false, 1.5},
        {u"Home"_s, u"HM"_s, u"Blackout Curtain Panel"_s, {}, {}, S::Length, P::Home, 29, 79, 700, 1400, -1, false, 1.5},
        // Kitchen
        {u"Kitchen"_s, u"KT"_s, u"Cast Iron Skillet"_s, {}, {u"Pre-Seasoned"_s, u"Enameled"_s}, S::None, P::Neutral, 29, 129, 2300, 3600, -1, false, 1.5},
        {u"Kitchen"_s, u"KT"_s, u"Dutch Oven 5.5 qt"_s, {}, {u"Enameled"_s}, S::None, P::Home, 89, 349, 5000, 6200, -1, false, 1},
        {u"Kitchen"_s, u"KT"_s, u"Nonstick Fry Pan Set"_s, {}, {u"Ceramic"_s, u"Hard-Anodized"_s}, S::None, P::Neutral, 49, 149, 1800, 2800, -1, false, 1.5},
        {u"Kitchen"_s, u"KT"_s, u"Chef's Knife 8 in"_s, {}, {u"Forged"_s, u"Damascus"_s}, S::None, P::Wood, 39, 189, 200, 320, -1, false, 1},
        {u"Kitchen"_s, u"KT"_s, u"Stoneware Dinnerware Set"_s, {}, {}, S::None, P::Home, 69, 199, 6000, 9000, -1, false, 1},
        {u"Kitchen"_s, u"KT"_s, u"Glass Food Storage Set"_s, {}, {}, S::Volume, P::Neutral, 29, 69, 2000, 3500, -1, false, 1},
        {u"Kitchen"_s, u"KT"_s, u"Pour-Over Coffee Maker"_s, {}, {}, S::None, P::Neutral, 24, 59, 400, 800, -1, false, 1},
        {u"Kitchen"_s, u"KT"_s, u"Insulated Tumbler"_s, {}, {u"Stainless"_s}, S::Volume, P::Outdoor, 19, 45, 300, 500, -1, false, 1.5},
        // Electronics
        {u"Electronics"_s, u"EL"_s, u"Wireless Earbuds"_s, {}, {u"Noise-Cancelling"_s, u"Sport"_s}, S::None, P::Tech, 49, 249, 60, 120, -1, false, 1.5},
        {u"Electronics"_s, u"EL"_s, u"Over-Ear Headphones"_s, {}, {u"Noise-Cancelling"_s, u"Studio"_s}, S::None, P::Tech, 79, 349, 250, 380, -1, false, 1},
        {u"Electronics"_s, u"EL"_s, u"Bluetooth Speaker"_s, {}, {u"Waterproof"_s, u"Portable"_s}, S::None, P::Tech, 39, 199, 400, 1200, -1, false, 1},
        {u"Electronics"_s, u"EL"_s, u"USB-C Charger"_s, {}, {u"GaN"_s}, S::Capacity, P::Tech, 19, 69, 80, 200, -1, false, 1.5},
        {u"Electronics"_s, u"EL"_s, u"Power Bank"_s, {}, {u"Slim"_s, u"MagSafe-Compatible"_s}, S::Capacity, P::Tech, 25, 89, 180, 400, -1, false, 1},
        {u"Electronics"_s, u"EL"_s, u"Phone Case"_s, {}, {u"Clear"_s, u"Rugged"_s, u"Silicone"_s}, S::None, P::Tech, 15, 49, 40, 80, -1, false, 2},
        {u"Electronics"_s, u"EL"_s, u"USB-C Cable"_s, {}, {u"Braided"_s}, S::Length, P::Tech, 9, 29, 40, 90, -1, false, 1.5},
        {u"Electronics"_s, u"EL"_s, u"Wireless Mouse"_s, {}, {u"Ergonomic"_s, u"Compact"_s}, S::None, P::Tech, 19, 99, 90, 150, -1, false, 1},
        {u"Electronics"_s, u"EL"_s, u"Mechanical Keyboard"_s, {}, {u"Low-Profile"_s, u"Tenkeyless"_s}, S::None, P::Tech, 69, 199, 700, 1100, -1, false, 1},
        {u"Electronics"_s, u"EL"_s, u"Smart Watch Band"_s, {}, {u"Sport"_s, u"Leather"_s}, S::None, P::Apparel, 19, 59, 30, 60, -1, false, 1},
        // Beauty
        {u"Beauty"_s, u"BT"_s, u"Daily Moisturizer"_s, {}, {u"Fragrance-Free"_s, u"SPF 30"_s}, S::Volume, P::Scent, 14, 48, 120, 250, -1, false, 1.5},
        {u"Beauty"_s, u"BT"_s, u"Shampoo"_s, {}, {u"Sulfate-Free"_s, u"Volumizing"_s}, S::Volume, P::Scent, 9, 32, 300, 550, -1, false, 1.5},
        {u"Beauty"_s, u"BT"_s, u"Body Wash"_s, {}, {}, S::Volume, P::Scent, 8, 24, 350, 600, -1, false, 1},
        {u"Beauty"_s, u"BT"_s, u"Eau de Parfum"_s, {}, {}, S::Volume, P::Scent, 58, 145, 250, 450, -1, false, 1},
        {u"Beauty"_s, u"BT"_s, u"Lip Balm 4-Pack"_s, {}, {u"Tinted"_s}, S::None, P::Scent, 8, 18, 40, 60, -1, false, 1},
        // Sports and outdoors
        {u"Sports"_s, u"SP"_s, u"Yoga Mat"_s, {}, {u"Non-Slip"_s, u"Cork"_s}, S::None, P::Outdoor, 29, 119, 1200, 2500, -1, false, 1},
        {u"Sports"_s, u"SP"_s, u"Adjustable Dumbbell"_s, {}, {}, S::None, P::Neutral, 99, 399, 11000, 24000, -1, true, 0.5},
        {u"Sports"_s, u"SP"_s, u"Water Bottle"_s, {}, {u"Insulated"_s}, S::Volume, P::Outdoor, 19, 45, 300, 550, -1, false, 1.5},
        {u"Sports"_s, u"SP"_s, u"Daypack"_s, {}, {u"22 L"_s, u"30 L"_s}, S::None, P::Outdoor, 49, 149, 600, 1200, -1, false, 1},
        {u"Sports"_s, u"SP"_s, u"Backpacking Tent"_s, {}, {u"2-Person"_s, u"4-Person"_s}, S::None, P::Outdoor, 149, 449, 1600, 4500, -1, false, 0.7},
        {u"Sports"_s, u"SP"_s, u"Sleeping Bag"_s, {}, {u"20F"_s, u"35F"_s}, S::None, P::Outdoor, 89, 299, 900, 1800, -1, false, 0.7},
        {u"Sports"_s, u"SP"_s, u"LED Headlamp"_s, {}, {u"Rechargeable"_s}, S::None, P::Outdoor, 19, 59, 80, 140, -1, false, 0.7},
        // Toys
        {u"Toys"_s, u"TY"_s, u"Building Brick Set"_s, {}, {u"City"_s, u"Space"_s, u"Castle"_s}, S::None, P::Toy, 19, 149, 400, 2200, -1, false, 1},
        {u"Toys"_s, u"TY"_s, u"Plush Bear"_s, {}, {u"Classic"_s, u"Jumbo"_s}, S::None, P::Toy, 14, 49, 200, 900, -1, false, 0.8},
        {u"Toys"_s, u"TY"_s, u"Jigsaw Puzzle 1000 pc"_s, {}, {u"National Parks"_s, u"World Map"_s}, S::None, P::Toy, 16, 29, 600, 800, -1, false, 0.8},
        {u"Toys"_s, u"TY"_s, u"Family Board Game"_s, {}, {u"Strategy"_s, u"Party"_s}, S::None, P::Toy, 19, 59, 900, 1800, -1, false, 0.8},
        // Drop-shipped by vendor 0: furniture
        {u"Furniture"_s, u"FN"_s, u"Sofa"_s, {}, {u"3-Seat"_s, u"Sectional"_s, u"Sleeper"_s}, S::None, P::Home, 899, 2899, 45000, 95000, 0, true, 0.6},
        {u"Furniture"_s, u"FN"_s, u"Accent Chair"_s, {}, {u"Swivel"_s, u"Wingback"_s}, S::None, P::Home, 299, 899, 14000, 26000, 0, true, 0.5},
        {u"Furniture"_s, u"FN"_s, u"Dining Table"_s, {}, {u"Solid Oak"_s, u"Walnut"_s, u"Extendable"_s}, S::None, P::Wood, 599, 1999, 35000, 70000, 0, true, 0.4},
        {u"Furniture"_s, u"FN"_s, u"Bookcase"_s, {}, {u"5-Shelf"_s, u"Ladder"_s}, S::None, P::Wood, 199, 699, 18000, 40000, 0, true, 0.4},
        {u"Furniture"_s, u"FN"_s, u"Platform Bed Frame"_s, {}, {u"Upholstered"_s, u"Solid Wood"_s}, S::Bedding, P::Wood, 499, 1499, 35000, 60000, 0, true, 0.4},
        // Drop-shipped by vendor 1: appliances and fitness equipment
        {u"Appliances"_s, u"AF"_s, u"Stand Mixer"_s, {}, {u"5 qt"_s, u"Tilt-Head"_s}, S::None, P::Tech, 279, 499, 9500, 11500, 1, true, 0.4},
        {u"Appliances"_s, u"AF"_s, u"Espresso Machine"_s, {}, {u"Semi-Automatic"_s}, S::None, P::Tech, 399, 1299, 8000, 14000, 1, true, 0.4},
        {u"Appliances"_s, u"AF"_s, u"Air Purifier"_s, {}, {u"HEPA"_s}, S::None, P::Tech, 149, 599, 5000, 11000, 1, true, 0.4},
        {u"Appliances"_s, u"AF"_s, u"Folding Treadmill"_s, {}, {}, S::None, P::Tech, 799, 2499, 60000, 110000, 1, true, 0.3},
        {u"Appliances"_s, u"AF"_s, u"Indoor Exercise Bike"_s, {}, {u"Magnetic"_s}, S::None, P::Tech, 499, 1899, 35000, 60000, 1, true, 0.3},
    };
    // clang-format on
    return types;
}

QStringList sizesOf(Sizes sizes) {
    switch (sizes) {
    case Sizes::None:
        return {QString()};
    case Sizes::Apparel:
        return {u"XS"_s, u"S"_s, u"M"_s, u"L"_s, u"XL"_s, u"XXL"_s};
    case Sizes::Kids:
        return {u"4"_s, u"6"_s, u"8"_s, u"10"_s, u"12"_s, u"14"_s};
    case Sizes::Waist:
        return {u"28"_s, u"30"_s, u"32"_s, u"34"_s, u"36"_s, u"38"_s, u"40"_s};
    case Sizes::Shoes:
        return {u"6"_s,  u"7"_s,    u"8"_s,  u"8.5"_s, u"9"_s, u"9.5"_s,
                u"10"_s, u"10.5"_s, u"11"_s, u"12"_s,  u"13"_s};
    case Sizes::Bedding:
        return {u"Twin"_s, u"Full"_s, u"Queen"_s, u"King"_s};
    case Sizes::Rug:
        return {u"5x8"_s, u"8x10"_s, u"9x12"_s};
    case Sizes::Volume:
        return {u"8 oz"_s, u"16 oz"_s, u"32 oz"_s};
    case Sizes::Capacity:
        return {u"30W"_s, u"65W"_s, u"100W"_s};
    case Sizes::Length:
        return {u"3 ft"_s, u"6 ft"_s, u"10 ft"_s};
    }
    return {QString()};
}

const QList<Colour>& palette(Palette palette) {
    static const QList<Colour> apparel = {
        {u"Black"_s, u"BLK"_s},        {u"White"_s, u"WHT"_s}, {u"Navy"_s, u"NVY"_s},
        {u"Heather Grey"_s, u"HGR"_s}, {u"Olive"_s, u"OLV"_s}, {u"Burgundy"_s, u"BRG"_s},
        {u"Sky Blue"_s, u"SKY"_s},     {u"Sand"_s, u"SND"_s},  {u"Forest Green"_s, u"FGR"_s},
        {u"Rust"_s, u"RST"_s},         {u"Blush"_s, u"BLS"_s}, {u"Charcoal"_s, u"CHR"_s}};
    static const QList<Colour> neutral = {{u"Black"_s, u"BLK"_s},  {u"Khaki"_s, u"KHK"_s},
                                          {u"Indigo"_s, u"IND"_s}, {u"Stone"_s, u"STN"_s},
                                          {u"Brown"_s, u"BRN"_s},  {u"Graphite"_s, u"GPH"_s}};
    static const QList<Colour> home = {{u"White"_s, u"WHT"_s},    {u"Ivory"_s, u"IVR"_s},
                                       {u"Oatmeal"_s, u"OAT"_s},  {u"Slate Blue"_s, u"SLB"_s},
                                       {u"Sage"_s, u"SAG"_s},     {u"Terracotta"_s, u"TER"_s},
                                       {u"Charcoal"_s, u"CHR"_s}, {u"Mustard"_s, u"MST"_s}};
    static const QList<Colour> tech = {{u"Black"_s, u"BLK"_s},
                                       {u"White"_s, u"WHT"_s},
                                       {u"Silver"_s, u"SLV"_s},
                                       {u"Midnight Blue"_s, u"MNB"_s},
                                       {u"Graphite"_s, u"GPH"_s}};
    static const QList<Colour> scent = {{u"Unscented"_s, u"UNS"_s},  {u"Lavender"_s, u"LAV"_s},
                                        {u"Citrus"_s, u"CIT"_s},     {u"Eucalyptus"_s, u"EUC"_s},
                                        {u"Sandalwood"_s, u"SDW"_s}, {u"Coconut"_s, u"COC"_s}};
    static const QList<Colour> outdoor = {{u"Black"_s, u"BLK"_s},      {u"Alpine Blue"_s, u"ALB"_s},
                                          {u"Moss"_s, u"MOS"_s},       {u"Safety Orange"_s, u"ORG"_s},
                                          {u"Desert Tan"_s, u"DTN"_s}, {u"Slate"_s, u"SLT"_s}};
    static const QList<Colour> toy = {{u"Red"_s, u"RED"_s},    {u"Blue"_s, u"BLU"_s},
                                      {u"Yellow"_s, u"YLW"_s}, {u"Green"_s, u"GRN"_s},
                                      {u"Purple"_s, u"PRP"_s}, {u"Pink"_s, u"PNK"_s}};
    static const QList<Colour> wood = {{u"Natural Oak"_s, u"OAK"_s},
                                       {u"Walnut"_s, u"WAL"_s},
                                       {u"Espresso"_s, u"ESP"_s},
                                       {u"White Wash"_s, u"WWS"_s},
                                       {u"Black"_s, u"BLK"_s}};
    switch (palette) {
    case Palette::Apparel:
        return apparel;
    case Palette::Neutral:
        return neutral;
    case Palette::Home:
        return home;
    case Palette::Tech:
        return tech;
    case Palette::Scent:
        return scent;
    case Palette::Outdoor:
        return outdoor;
    case Palette::Toy:
        return toy;
    case Palette::Wood:
        return wood;
    }
    return apparel;
}

} // namespace ordo::catalog
