#include "PersonGenerator.h"

#include "DemoRandom.h"
#include "WeightedPicker.h"

#include <QStringList>

#include <cmath>
#include <numbers>

using namespace Qt::StringLiterals;

namespace ordo {

namespace {

const QStringList firstNames = {
    u"James"_s,       u"Mary"_s,      u"Robert"_s,    u"Patricia"_s,  u"John"_s,    u"Jennifer"_s,
    u"Michael"_s,     u"Linda"_s,     u"David"_s,     u"Elizabeth"_s, u"William"_s, u"Barbara"_s,
    u"Richard"_s,     u"Susan"_s,     u"Joseph"_s,    u"Jessica"_s,   u"Thomas"_s,  u"Sarah"_s,
    u"Christopher"_s, u"Karen"_s,     u"Charles"_s,   u"Lisa"_s,      u"Daniel"_s,  u"Nancy"_s,
    u"Matthew"_s,     u"Betty"_s,     u"Anthony"_s,   u"Sandra"_s,    u"Mark"_s,    u"Margaret"_s,
    u"Donald"_s,      u"Ashley"_s,    u"Steven"_s,    u"Kimberly"_s,  u"Andrew"_s,  u"Emily"_s,
    u"Paul"_s,        u"Donna"_s,     u"Joshua"_s,    u"Michelle"_s,  u"Kenneth"_s, u"Carol"_s,
    u"Kevin"_s,       u"Amanda"_s,    u"Brian"_s,     u"Melissa"_s,   u"Timothy"_s, u"Deborah"_s,
    u"Ronald"_s,      u"Stephanie"_s, u"Jason"_s,     u"Rebecca"_s,   u"George"_s,  u"Sharon"_s,
    u"Edward"_s,      u"Laura"_s,     u"Jeffrey"_s,   u"Cynthia"_s,   u"Ryan"_s,    u"Amy"_s,
    u"Jacob"_s,       u"Kathleen"_s,  u"Nicholas"_s,  u"Angela"_s,    u"Gary"_s,    u"Shirley"_s,
    u"Eric"_s,        u"Brenda"_s,    u"Jonathan"_s,  u"Emma"_s,      u"Stephen"_s, u"Anna"_s,
    u"Larry"_s,       u"Pamela"_s,    u"Justin"_s,    u"Nicole"_s,    u"Scott"_s,   u"Samantha"_s,
    u"Brandon"_s,     u"Katherine"_s, u"Benjamin"_s,  u"Christine"_s, u"Samuel"_s,  u"Rachel"_s,
    u"Gregory"_s,     u"Olivia"_s,    u"Alexander"_s, u"Sophia"_s,    u"Patrick"_s, u"Isabella"_s,
    u"Frank"_s,       u"Ava"_s,       u"Raymond"_s,   u"Mia"_s,       u"Jack"_s,    u"Abigail"_s,
    u"Dennis"_s,      u"Madison"_s,   u"Tyler"_s,     u"Chloe"_s,     u"Aaron"_s,   u"Grace"_s,
    u"Jose"_s,        u"Maria"_s,     u"Carlos"_s,    u"Sofia"_s,     u"Luis"_s,    u"Camila"_s,
    u"Juan"_s,        u"Valentina"_s, u"Miguel"_s,    u"Lucia"_s,     u"Wei"_s,     u"Mei"_s,
    u"Hiroshi"_s,     u"Yuki"_s,      u"Raj"_s,       u"Priya"_s,     u"Arjun"_s,   u"Ananya"_s,
    u"Minh"_s,        u"Linh"_s,      u"Jin"_s,       u"Soo-ah"_s,    u"Omar"_s,    u"Fatima"_s,
    u"Malik"_s,       u"Aaliyah"_s,   u"Andre"_s,     u"Imani"_s,     u"Noah"_s,    u"Harper"_s,
    u"Liam"_s,        u"Evelyn"_s,    u"Ethan"_s,     u"Zoe"_s,       u"Mason"_s,   u"Nora"_s,
    u"Logan"_s,       u"Riley"_s};

// Frequent US surnames, with the most frequent first (the picker favours the head of the list).
const QStringList lastNames = {
    u"Smith"_s,      u"Johnson"_s,    u"Williams"_s,  u"Brown"_s,     u"Jones"_s,     u"Garcia"_s,
    u"Miller"_s,     u"Davis"_s,      u"Rodriguez"_s, u"Martinez"_s,  u"Hernandez"_s, u"Lopez"_s,
    u"Gonzalez"_s,   u"Wilson"_s,     u"Anderson"_s,  u"Thomas"_s,    u"Taylor"_s,    u"Moore"_s,
    u"Jackson"_s,    u"Martin"_s,     u"Lee"_s,       u"Perez"_s,     u"Thompson"_s,  u"White"_s,
    u"Harris"_s,     u"Sanchez"_s,    u"Clark"_s,     u"Ramirez"_s,   u"Lewis"_s,     u"Robinson"_s,
    u"Walker"_s,     u"Young"_s,      u"Allen"_s,     u"King"_s,      u"Wright"_s,    u"Scott"_s,
    u"Torres"_s,     u"Nguyen"_s,     u"Hill"_s,      u"Flores"_s,    u"Green"_s,     u"Adams"_s,
    u"Nelson"_s,     u"Baker"_s,      u"Hall"_s,      u"Rivera"_s,    u"Campbell"_s,  u"Mitchell"_s,
    u"Carter"_s,     u"Roberts"_s,    u"Gomez"_s,     u"Phillips"_s,  u"Evans"_s,     u"Turner"_s,
    u"Diaz"_s,       u"Parker"_s,     u"Cruz"_s,      u"Edwards"_s,   u"Collins"_s,   u"Reyes"_s,
    u"Stewart"_s,    u"Morris"_s,     u"Morales"_s,   u"Murphy"_s,    u"Cook"_s,      u"Rogers"_s,
    u"Gutierrez"_s,  u"Ortiz"_s,      u"Morgan"_s,    u"Cooper"_s,    u"Peterson"_s,  u"Bailey"_s,
    u"Reed"_s,       u"Kelly"_s,      u"Howard"_s,    u"Ramos"_s,     u"Kim"_s,       u"Cox"_s,
    u"Ward"_s,       u"Richardson"_s, u"Watson"_s,    u"Brooks"_s,    u"Chavez"_s,    u"Wood"_s,
    u"James"_s,      u"Bennett"_s,    u"Gray"_s,      u"Mendoza"_s,   u"Ruiz"_s,      u"Hughes"_s,
    u"Price"_s,      u"Alvarez"_s,    u"Castillo"_s,  u"Sanders"_s,   u"Patel"_s,     u"Myers"_s,
    u"Long"_s,       u"Ross"_s,       u"Foster"_s,    u"Jimenez"_s,   u"Powell"_s,    u"Jenkins"_s,
    u"Perry"_s,      u"Russell"_s,    u"Sullivan"_s,  u"Bell"_s,      u"Coleman"_s,   u"Butler"_s,
    u"Henderson"_s,  u"Barnes"_s,     u"Gonzales"_s,  u"Fisher"_s,    u"Vasquez"_s,   u"Simmons"_s,
    u"Romero"_s,     u"Jordan"_s,     u"Patterson"_s, u"Alexander"_s, u"Hamilton"_s,  u"Graham"_s,
    u"Reynolds"_s,   u"Griffin"_s,    u"Wallace"_s,   u"Moreno"_s,    u"West"_s,      u"Cole"_s,
    u"Hayes"_s,      u"Bryant"_s,     u"Herrera"_s,   u"Gibson"_s,    u"Ellis"_s,     u"Tran"_s,
    u"Medina"_s,     u"Aguilar"_s,    u"Stevens"_s,   u"Murray"_s,    u"Ford"_s,      u"Castro"_s,
    u"Marshall"_s,   u"Owens"_s,      u"Harrison"_s,  u"Fernandez"_s, u"McDonald"_s,  u"Woods"_s,
    u"Washington"_s, u"Kennedy"_s,    u"Wells"_s,     u"Chen"_s,      u"Wang"_s,      u"Singh"_s,
    u"Shah"_s,       u"Yamamoto"_s,   u"Park"_s,      u"O'Brien"_s,   u"O'Connor"_s,  u"Schmidt"_s,
    u"Novak"_s,      u"Kowalski"_s,   u"Rossi"_s,     u"Cohen"_s,     u"Ali"_s};

const QStringList streetNames = {
    u"Main"_s,      u"Oak"_s,      u"Maple"_s,    u"Cedar"_s,   u"Pine"_s,    u"Elm"_s,      u"Washington"_s,
    u"Lake"_s,      u"Hill"_s,     u"Park"_s,     u"Walnut"_s,  u"Spring"_s,  u"Chestnut"_s, u"Lincoln"_s,
    u"Jefferson"_s, u"Madison"_s,  u"Highland"_s, u"Sunset"_s,  u"Ridge"_s,   u"Church"_s,   u"Franklin"_s,
    u"Willow"_s,    u"River"_s,    u"Meadow"_s,   u"Forest"_s,  u"Jackson"_s, u"Adams"_s,    u"Mill"_s,
    u"Center"_s,    u"Broadway"_s, u"Magnolia"_s, u"Dogwood"_s, u"Hickory"_s, u"Sycamore"_s, u"Vista"_s,
    u"1st"_s,       u"2nd"_s,      u"3rd"_s,      u"5th"_s,     u"7th"_s,     u"12th"_s,     u"Market"_s};
const QStringList streetSuffixes = {u"St"_s,   u"Ave"_s, u"Rd"_s,  u"Dr"_s, u"Ln"_s,
                                    u"Blvd"_s, u"Ct"_s,  u"Way"_s, u"Pl"_s, u"Ter"_s};
const QStringList emailDomains = {u"example.com"_s, u"example.net"_s, u"example.org"_s, u"mail.example.com"_s,
                                  u"inbox.example.net"_s};
const QList<double> emailDomainWeights = {45, 20, 15, 12, 8};

const QStringList businessFirst = {u"Blue Ridge"_s, u"Summit"_s,  u"Harbor"_s,   u"Prairie"_s,
                                   u"Lakeside"_s,   u"Redwood"_s, u"Granite"_s,  u"Riverbend"_s,
                                   u"Northstar"_s,  u"Cypress"_s, u"Keystone"_s, u"Pioneer"_s,
                                   u"Evergreen"_s,  u"Bayview"_s, u"Sierra"_s};
const QStringList businessLast = {
    u"Outfitters"_s,     u"Supply Co."_s, u"Hospitality Group"_s,   u"Interiors"_s,
    u"Athletics"_s,      u"Boutique"_s,   u"Property Management"_s, u"Schools"_s,
    u"Medical Center"_s, u"Hotels"_s,     u"Design Studio"_s,       u"Mercantile"_s};

QString asciiLower(const QString& s) {
    QString out;
    for (QChar c : s.toLower())
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            out += c;
    return out;
}

const WeightedPicker& surnamePicker() {
    static const WeightedPicker picker = [] {
        QList<double> w;
        for (qsizetype i = 0; i < lastNames.size(); ++i)
            w << 1.0 / std::pow(double(i + 8), 0.9);
        return WeightedPicker(w);
    }();
    return picker;
}

QString street(DemoRandom& random) {
    QString s = QString::number(random.between(100, 9899)) + u' ' +
                streetNames.at(random.between(0, streetNames.size() - 1)) + u' ' +
                streetSuffixes.at(random.between(0, streetSuffixes.size() - 1));
    const double r = random.uniform();
    if (r < 0.10)
        s += u" Apt "_s + QString::number(random.between(1, 40)) +
             QChar(char16_t(u'A' + random.between(0, 5)));
    else if (r < 0.14)
        s += u" Unit "_s + QString::number(random.between(1, 300));
    return s;
}

void placePerson(DemoRandom& random, const UsPlace& place, DemoPerson& p) {
    // Bigger cities spread wider: about 3 km around a town, 20 km around New York.
    const double sigmaKm = 2.5 + 6.0 * std::sqrt(double(place.population) / 1.0e6);
    p.position =
        PersonGenerator::offsetKm(place.position, random.normal() * sigmaKm, random.normal() * sigmaKm);
    p.address1 = street(random);
    p.city = place.city;
    p.state = place.state;
    p.zip = PersonGenerator::nearbyZip(place.zip, int(random.between(0, 30)));
    const PersonGenerator::PhoneStyle styles[] = {
        PersonGenerator::PhoneStyle::Parenthesised, PersonGenerator::PhoneStyle::Dashed,
        PersonGenerator::PhoneStyle::International, PersonGenerator::PhoneStyle::Digits};
    static const WeightedPicker phoneStyles(QList<double>{40, 35, 15, 10});
    p.phone = PersonGenerator::formatPhone(place.areaCode, int(random.between(100, 9999)),
                                           styles[phoneStyles.pick(random)]);
}

} // namespace

QString PersonGenerator::emailLocalPart(const QString& first, const QString& last, EmailStyle style,
                                        int number) {
    const QString f = asciiLower(first);
    const QString l = asciiLower(last);
    QString local;
    switch (style) {
    case EmailStyle::FirstDotLast:
        local = f + u'.' + l;
        break;
    case EmailStyle::FirstLast:
        local = f + l;
        break;
    case EmailStyle::InitialLast:
        local = f.left(1) + l;
        break;
    case EmailStyle::FirstUnderscoreLast:
        local = f + u'_' + l;
        break;
    case EmailStyle::FirstDotInitial:
        local = f + u'.' + l.left(1);
        break;
    }
    if (number > 0)
        local += QString::number(number);
    return local;
}

QString PersonGenerator::formatPhone(const QString& areaCode, int line, PhoneStyle style) {
    const QString rest = QString::number(line).rightJustified(4, u'0');
    switch (style) {
    case PhoneStyle::Parenthesised:
        return u"("_s + areaCode + u") 555-"_s + rest;
    case PhoneStyle::Dashed:
        return areaCode + u"-555-"_s + rest;
    case PhoneStyle::International:
        return u"+1 "_s + areaCode + u" 555 "_s + rest;
    case PhoneStyle::Digits:
        return areaCode + u"555"_s + rest;
    }
    return {};
}

QString PersonGenerator::nearbyZip(const QString& baseZip, int offset) {
    const int last2 = baseZip.right(2).toInt();
    return baseZip.left(3) + QString::number((last2 + offset) % 100).rightJustified(2, u'0');
}

GeoPoint PersonGenerator::offsetKm(const GeoPoint& origin, double northKm, double eastKm) {
    constexpr double kmPerDegree = 111.195;
    const double lat = origin.latitude + northKm / kmPerDegree;
    const double lon =
        origin.longitude + eastKm / (kmPerDegree * std::cos(origin.latitude * std::numbers::pi / 180.0));
    return {std::round(lat * 1e6) / 1e6, std::round(lon * 1e6) / 1e6};
}

DemoPerson PersonGenerator::make(DemoRandom& random, const UsPlace& place) {
    DemoPerson p;
    p.firstName = firstNames.at(random.between(0, firstNames.size() - 1));
    p.lastName = lastNames.at(surnamePicker().pick(random));
    p.fullName = p.firstName + u' ' + p.lastName;
    static const WeightedPicker emailStyles(QList<double>{40, 20, 20, 8, 12});
    const auto style = EmailStyle(emailStyles.pick(random));
    const int number = random.chance(0.45) ? int(random.logUniform(1, 2000)) : 0;
    static const WeightedPicker domains(emailDomainWeights);
    p.email =
        emailLocalPart(p.firstName, p.lastName, style, number) + u'@' + emailDomains.at(domains.pick(random));
    placePerson(random, place, p);
    return p;
}

DemoPerson PersonGenerator::makeBusiness(DemoRandom& random, const UsPlace& place) {
    DemoPerson p;
    p.firstName = businessFirst.at(random.between(0, businessFirst.size() - 1));
    p.lastName = businessLast.at(random.between(0, businessLast.size() - 1));
    p.fullName = p.firstName + u' ' + p.lastName;
    const QString domain =
        asciiLower(p.firstName) + asciiLower(p.lastName.section(u' ', 0, 0)) + u".example.com"_s;
    static const QStringList mailboxes = {u"purchasing"_s, u"orders"_s, u"ap"_s, u"procurement"_s};
    p.email = mailboxes.at(random.between(0, mailboxes.size() - 1)) + u'@' + domain;
    placePerson(random, place, p);
    p.address1 = QString::number(random.between(100, 9899)) + u' ' +
                 streetNames.at(random.between(0, streetNames.size() - 1)) + u" Industrial "_s +
                 streetSuffixes.at(random.between(0, 3));
    return p;
}

} // namespace ordo
