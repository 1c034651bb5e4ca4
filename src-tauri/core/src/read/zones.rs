//! Time zones as messages write them: abbreviations ("CET", "10am ET", "15:00 IST" is India),
//! fixed offsets ("GMT+1", "UTC"), places ("UK time", "heure de Paris", "Sydney time"), and the
//! zone of a sender's country when a time has none. A named zone is a region, so daylight saving
//! is worked out with chrono-tz for the date in question ("CET" on 30 March is +02:00).

use chrono::{DateTime, FixedOffset, LocalResult, NaiveDateTime, Offset, TimeZone};
use chrono_tz::Tz;

/// A zone as written: a region whose offset depends on the date, or a fixed offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Zone {
    /// An IANA region.
    Region(Tz),
    /// A fixed offset in seconds east of UTC.
    Fixed(i32),
}

impl Zone {
    /// `local` in this zone, or `None` when that wall time does not exist (a spring-forward gap).
    pub fn at(self, local: NaiveDateTime) -> Option<DateTime<FixedOffset>> {
        match self {
            Zone::Fixed(secs) => {
                let offset = FixedOffset::east_opt(secs)?;
                offset.from_local_datetime(&local).single()
            }
            Zone::Region(tz) => match tz.from_local_datetime(&local) {
                LocalResult::Single(t) => Some(t.with_timezone(&t.offset().fix())),
                // The earlier of two (a fall-back hour): what a calendar shows first.
                LocalResult::Ambiguous(a, _) => Some(a.with_timezone(&a.offset().fix())),
                LocalResult::None => None,
            },
        }
    }

    /// The same instant as `moment`, on this zone's clock.
    pub fn of_instant(self, moment: &DateTime<FixedOffset>) -> Option<DateTime<FixedOffset>> {
        let offset = match self {
            Zone::Fixed(secs) => FixedOffset::east_opt(secs)?,
            Zone::Region(tz) => tz.offset_from_utc_datetime(&moment.naive_utc()).fix(),
        };
        Some(moment.with_timezone(&offset))
    }

    /// Whether this zone's offset at `moment` is `moment`'s own.
    pub fn agrees_with(self, moment: &DateTime<FixedOffset>) -> bool {
        let offset = match self {
            Zone::Fixed(secs) => secs,
            Zone::Region(tz) => tz
                .offset_from_utc_datetime(&moment.naive_utc())
                .fix()
                .local_minus_utc(),
        };
        offset == moment.offset().local_minus_utc()
    }
}

/// Places a message names as where the work or the office is ("our Manchester office", "in
/// Leeds"), capitalised as written; only places in one zone.
const MENTIONS: &[(&str, Tz)] = &[
    ("London", Tz::Europe__London),
    ("Manchester", Tz::Europe__London),
    ("Leeds", Tz::Europe__London),
    ("Birmingham", Tz::Europe__London),
    ("Bristol", Tz::Europe__London),
    ("Edinburgh", Tz::Europe__London),
    ("Glasgow", Tz::Europe__London),
    ("Cardiff", Tz::Europe__London),
    ("Belfast", Tz::Europe__London),
    ("Liverpool", Tz::Europe__London),
    ("Sheffield", Tz::Europe__London),
    ("Newcastle", Tz::Europe__London),
    ("Nottingham", Tz::Europe__London),
    ("Cambridge", Tz::Europe__London),
    ("Oxford", Tz::Europe__London),
    ("Reading", Tz::Europe__London),
    ("Dublin", Tz::Europe__Dublin),
    ("Cork", Tz::Europe__Dublin),
    ("Galway", Tz::Europe__Dublin),
    ("Limerick", Tz::Europe__Dublin),
    ("Waterford", Tz::Europe__Dublin),
    ("Paris", Tz::Europe__Paris),
    ("Lyon", Tz::Europe__Paris),
    ("Berlin", Tz::Europe__Berlin),
    ("Hamburg", Tz::Europe__Berlin),
    ("Munich", Tz::Europe__Berlin),
    ("München", Tz::Europe__Berlin),
    ("Köln", Tz::Europe__Berlin),
    ("Cologne", Tz::Europe__Berlin),
    ("Frankfurt", Tz::Europe__Berlin),
    ("Stuttgart", Tz::Europe__Berlin),
    ("Amsterdam", Tz::Europe__Amsterdam),
    ("Rotterdam", Tz::Europe__Amsterdam),
    ("Utrecht", Tz::Europe__Amsterdam),
    ("Milan", Tz::Europe__Rome),
    ("Milano", Tz::Europe__Rome),
    ("Rome", Tz::Europe__Rome),
    ("Roma", Tz::Europe__Rome),
    ("Turin", Tz::Europe__Rome),
    ("Torino", Tz::Europe__Rome),
    ("Madrid", Tz::Europe__Madrid),
    ("Barcelona", Tz::Europe__Madrid),
    ("Lisbon", Tz::Europe__Lisbon),
    ("Lisboa", Tz::Europe__Lisbon),
    ("Porto", Tz::Europe__Lisbon),
    ("Stockholm", Tz::Europe__Stockholm),
    ("Gothenburg", Tz::Europe__Stockholm),
    ("Göteborg", Tz::Europe__Stockholm),
    ("Oslo", Tz::Europe__Oslo),
    ("Copenhagen", Tz::Europe__Copenhagen),
    ("København", Tz::Europe__Copenhagen),
    ("Helsinki", Tz::Europe__Helsinki),
    ("Warsaw", Tz::Europe__Warsaw),
    ("Kraków", Tz::Europe__Warsaw),
    ("Krakow", Tz::Europe__Warsaw),
    ("Wrocław", Tz::Europe__Warsaw),
    ("Vienna", Tz::Europe__Vienna),
    ("Wien", Tz::Europe__Vienna),
    ("Zurich", Tz::Europe__Zurich),
    ("Zürich", Tz::Europe__Zurich),
    ("Geneva", Tz::Europe__Zurich),
    ("Brussels", Tz::Europe__Brussels),
    ("Prague", Tz::Europe__Prague),
    ("Athens", Tz::Europe__Athens),
    ("Singapore", Tz::Asia__Singapore),
    ("Mumbai", Tz::Asia__Kolkata),
    ("Bangalore", Tz::Asia__Kolkata),
    ("Bengaluru", Tz::Asia__Kolkata),
    ("Pune", Tz::Asia__Kolkata),
    ("Hyderabad", Tz::Asia__Kolkata),
    ("Chennai", Tz::Asia__Kolkata),
    ("Gurgaon", Tz::Asia__Kolkata),
    ("Gurugram", Tz::Asia__Kolkata),
    ("Delhi", Tz::Asia__Kolkata),
    ("Tokyo", Tz::Asia__Tokyo),
    ("Osaka", Tz::Asia__Tokyo),
    ("Seoul", Tz::Asia__Seoul),
    ("Hong Kong", Tz::Asia__Hong_Kong),
    ("Shanghai", Tz::Asia__Shanghai),
    ("Manila", Tz::Asia__Manila),
    ("Dubai", Tz::Asia__Dubai),
    ("Nairobi", Tz::Africa__Nairobi),
    ("Lagos", Tz::Africa__Lagos),
    ("Johannesburg", Tz::Africa__Johannesburg),
    ("Cape Town", Tz::Africa__Johannesburg),
    ("Karachi", Tz::Asia__Karachi),
    ("Lahore", Tz::Asia__Karachi),
    ("Islamabad", Tz::Asia__Karachi),
    ("Dhaka", Tz::Asia__Dhaka),
    ("Colombo", Tz::Asia__Colombo),
    ("Kathmandu", Tz::Asia__Kathmandu),
    ("Jakarta", Tz::Asia__Jakarta),
    ("Kuala Lumpur", Tz::Asia__Kuala_Lumpur),
    ("Bangkok", Tz::Asia__Bangkok),
    ("Hanoi", Tz::Asia__Ho_Chi_Minh),
    ("Ho Chi Minh City", Tz::Asia__Ho_Chi_Minh),
    ("Riyadh", Tz::Asia__Riyadh),
    ("Doha", Tz::Asia__Qatar),
    ("Abu Dhabi", Tz::Asia__Dubai),
    ("Cairo", Tz::Africa__Cairo),
    ("Accra", Tz::Africa__Accra),
    ("Kampala", Tz::Africa__Kampala),
    ("Kigali", Tz::Africa__Kigali),
    ("Addis Ababa", Tz::Africa__Addis_Ababa),
    ("Casablanca", Tz::Africa__Casablanca),
    ("Tel Aviv", Tz::Asia__Jerusalem),
    ("Istanbul", Tz::Europe__Istanbul),
    ("Bucharest", Tz::Europe__Bucharest),
    ("Budapest", Tz::Europe__Budapest),
    ("Kyiv", Tz::Europe__Kyiv),
    ("Vilnius", Tz::Europe__Vilnius),
    ("Riga", Tz::Europe__Riga),
    ("Tallinn", Tz::Europe__Tallinn),
    ("Luxembourg", Tz::Europe__Luxembourg),
    ("Lima", Tz::America__Lima),
    ("Bogotá", Tz::America__Bogota),
    ("Medellín", Tz::America__Bogota),
    ("Buenos Aires", Tz::America__Argentina__Buenos_Aires),
    ("Montevideo", Tz::America__Montevideo),
    ("Quito", Tz::America__Guayaquil),
    ("Sydney", Tz::Australia__Sydney),
    ("Melbourne", Tz::Australia__Melbourne),
    ("Brisbane", Tz::Australia__Brisbane),
    ("Perth", Tz::Australia__Perth),
    ("Adelaide", Tz::Australia__Adelaide),
    ("Canberra", Tz::Australia__Sydney),
    ("Hobart", Tz::Australia__Hobart),
    ("Gold Coast", Tz::Australia__Brisbane),
    ("Auckland", Tz::Pacific__Auckland),
    ("Wellington", Tz::Pacific__Auckland),
    ("Christchurch", Tz::Pacific__Auckland),
    ("Dunedin", Tz::Pacific__Auckland),
    ("New York", Tz::America__New_York),
    ("Boston", Tz::America__New_York),
    ("Atlanta", Tz::America__New_York),
    ("Toronto", Tz::America__Toronto),
    ("Ottawa", Tz::America__Toronto),
    ("Montreal", Tz::America__Toronto),
    ("Montréal", Tz::America__Toronto),
    ("Chicago", Tz::America__Chicago),
    ("Austin", Tz::America__Chicago),
    ("Dallas", Tz::America__Chicago),
    ("Houston", Tz::America__Chicago),
    ("Denver", Tz::America__Denver),
    ("Calgary", Tz::America__Edmonton),
    ("Vancouver", Tz::America__Vancouver),
    ("Seattle", Tz::America__Los_Angeles),
    ("San Francisco", Tz::America__Los_Angeles),
    ("Los Angeles", Tz::America__Los_Angeles),
    ("São Paulo", Tz::America__Sao_Paulo),
    ("Sao Paulo", Tz::America__Sao_Paulo),
    ("Mexico City", Tz::America__Mexico_City),
];

/// Whether `name` is exactly one of the places a message may name.
pub fn is_place_name(name: &str) -> bool {
    MENTIONS.iter().any(|(p, _)| *p == name.trim())
}

/// The zones of the places `text` names, in the order it names them.
pub fn mentioned(text: &str) -> Vec<Zone> {
    let mut found: Vec<(usize, Zone)> = Vec::new();
    for (name, tz) in MENTIONS {
        let mut from = 0;
        while let Some(i) = text[from..].find(name) {
            let at = from + i;
            let end = at + name.len();
            let before_ok = text[..at]
                .chars()
                .next_back()
                .is_none_or(|c| !c.is_alphanumeric());
            let after_ok = text[end..]
                .chars()
                .next()
                .is_none_or(|c| !c.is_alphanumeric());
            if before_ok && after_ok {
                found.push((at, Zone::Region(*tz)));
                break;
            }
            from = end;
        }
    }
    found.sort_by_key(|(at, _)| *at);
    let mut zones: Vec<Zone> = Vec::new();
    for (_, z) in found {
        if !zones.contains(&z) {
            zones.push(z);
        }
    }
    zones
}

/// The zone of the country a phone number in `text` dials ("+44 20 7946 0321"), for countries
/// in one zone; the first such number decides.
pub fn of_phone(text: &str) -> Option<Zone> {
    static PHONE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?:^|[\s(:])\+(\d{1,3})[\s.(-]*\d[\d\s().-]{5,}").expect("valid")
    });
    const CODES: &[(&str, Tz)] = &[
        ("44", Tz::Europe__London),
        ("353", Tz::Europe__Dublin),
        ("49", Tz::Europe__Berlin),
        ("33", Tz::Europe__Paris),
        ("34", Tz::Europe__Madrid),
        ("39", Tz::Europe__Rome),
        ("31", Tz::Europe__Amsterdam),
        ("32", Tz::Europe__Brussels),
        ("41", Tz::Europe__Zurich),
        ("43", Tz::Europe__Vienna),
        ("45", Tz::Europe__Copenhagen),
        ("46", Tz::Europe__Stockholm),
        ("47", Tz::Europe__Oslo),
        ("48", Tz::Europe__Warsaw),
        ("351", Tz::Europe__Lisbon),
        ("358", Tz::Europe__Helsinki),
        ("30", Tz::Europe__Athens),
        ("420", Tz::Europe__Prague),
        ("91", Tz::Asia__Kolkata),
        ("65", Tz::Asia__Singapore),
        ("852", Tz::Asia__Hong_Kong),
        ("81", Tz::Asia__Tokyo),
        ("82", Tz::Asia__Seoul),
        ("86", Tz::Asia__Shanghai),
        ("63", Tz::Asia__Manila),
        ("971", Tz::Asia__Dubai),
        ("972", Tz::Asia__Jerusalem),
        ("27", Tz::Africa__Johannesburg),
        ("234", Tz::Africa__Lagos),
        ("254", Tz::Africa__Nairobi),
        ("64", Tz::Pacific__Auckland),
    ];
    // A British number dialled at home, in the groups Britain writes it in: "0161 496 0233",
    // "020 7946 0321", "01632 960 552", "07700 900356".
    static UK_NATIONAL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?m)(?:^|[\s(:])(?:0[12378]\d \d{4} \d{4}|0[1237]\d{2} \d{3} \d{4}|0[17]\d{3} \d{3} ?\d{3})(?:$|[\s),.;])",
        )
        .expect("valid")
    });
    // An Irish number dialled at home, by the codes of its cities and mobiles (others' national
    // numbers share the shape): "091 555 0127", "01 555 0199", "087 555 0143".
    static IE_NATIONAL: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?m)(?:^|[\s(:])(?:01|021|091|061|051|08[3-9]) \d{3} \d{4}(?:$|[\s),.;])",
        )
        .expect("valid")
    });
    PHONE
        .captures_iter(text)
        .find_map(|c| {
            let digits = &c[1];
            // "+353 1 …": the longest code that fits.
            (1..=digits.len()).rev().find_map(|n| {
                CODES
                    .iter()
                    .find(|(code, _)| *code == &digits[..n])
                    .map(|(_, tz)| Zone::Region(*tz))
            })
        })
        .or_else(|| {
            UK_NATIONAL
                .is_match(text)
                .then_some(Zone::Region(Tz::Europe__London))
        })
        .or_else(|| {
            IE_NATIONAL
                .is_match(text)
                .then_some(Zone::Region(Tz::Europe__Dublin))
        })
}

/// The sender's zone for times written without one: their address's country, else the first
/// place the message names whose clock agrees with the reference moment (so a place that is
/// the candidate's, in another zone, is not taken for the sender's).
pub fn sender(email: Option<&str>, text: &str, reference: &DateTime<FixedOffset>) -> Option<Zone> {
    email
        .and_then(|e| of_domain(e.rsplit('@').next().unwrap_or("")))
        .or_else(|| of_phone(text).filter(|z| z.agrees_with(reference)))
        .or_else(|| {
            // "spread across Lisbon, Toronto and Singapore": no one place is the sender's.
            let places = mentioned(text);
            places
                .iter()
                .all(|z| z.agrees_with(reference))
                .then(|| places.first().copied())
                .flatten()
        })
        .or_else(|| of_language(text).filter(|z| z.agrees_with(reference)))
}

/// Whether anything in the message places its sender (a country's domain, phone number, a
/// place, a one-zone language), whether or not it agrees with the message's clock.
pub fn anything_places(email: Option<&str>, text: &str) -> bool {
    email
        .and_then(|e| of_domain(e.rsplit('@').next().unwrap_or("")))
        .or_else(|| of_phone(text))
        .or_else(|| mentioned(text).first().copied())
        // Spanish, French and Portuguese are written on many clocks.
        .or_else(|| {
            of_language(text).filter(|z| {
                !matches!(
                    z,
                    Zone::Region(Tz::Europe__Madrid | Tz::Europe__Paris | Tz::Europe__Lisbon)
                )
            })
        })
        .is_some()
}

/// The zone of the country a letter's greeting or sign-off is written for, in a language spoken
/// in one zone (or, as Spanish and French, checked against the message's own clock by the
/// caller): "Med vänlig hälsning" is Sweden's.
fn of_language(text: &str) -> Option<Zone> {
    static SIGN_OFF: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"(?im)^\s*(?:(med vänlig(?:a)? hälsning(?:ar)?|vänliga hälsningar)|(med venlig hilsen|venlig hilsen)|(med vennlig hilsen|vennlig hilsen)|(met vriendelijke groet(?:en)?|vriendelijke groet(?:en)?|hartelijke groet(?:en)?)|(mit freundlichen grüßen|freundliche grüße|viele grüße|beste grüße|herzliche grüße)|(z poważaniem|pozdrawiam)|(cordiali saluti|distinti saluti)|(ystävällisin terveisin)|(cordialement|bien cordialement|bien à vous)|(saludos cordiales|un saludo|atentamente)|(com os melhores cumprimentos|cumprimentos))\b").expect("valid")
    });
    const ZONES: [Tz; 11] = [
        Tz::Europe__Stockholm,
        Tz::Europe__Copenhagen,
        Tz::Europe__Oslo,
        Tz::Europe__Amsterdam,
        Tz::Europe__Berlin,
        Tz::Europe__Warsaw,
        Tz::Europe__Rome,
        Tz::Europe__Helsinki,
        Tz::Europe__Paris,
        Tz::Europe__Madrid,
        Tz::Europe__Lisbon,
    ];
    let c = SIGN_OFF.captures(text)?;
    (1..=ZONES.len())
        .find(|&i| c.get(i).is_some())
        .map(|i| Zone::Region(ZONES[i - 1]))
}

/// Abbreviations and names after a time, upper-cased. Regions, so "EST" in July is EDT: writers
/// name the zone, not the season. GMT, UTC and Z are fixed (+00:00).
const ABBREVIATIONS: &[(&str, Tz)] = &[
    ("CET", Tz::Europe__Berlin),
    ("CEST", Tz::Europe__Berlin),
    ("MEZ", Tz::Europe__Berlin),
    ("MESZ", Tz::Europe__Berlin),
    ("EET", Tz::Europe__Athens),
    ("EEST", Tz::Europe__Athens),
    ("WET", Tz::Europe__Lisbon),
    ("WEST", Tz::Europe__Lisbon),
    ("BST", Tz::Europe__London),
    ("ET", Tz::America__New_York),
    ("EST", Tz::America__New_York),
    ("EDT", Tz::America__New_York),
    ("CT", Tz::America__Chicago),
    ("CST", Tz::America__Chicago),
    ("CDT", Tz::America__Chicago),
    ("MT", Tz::America__Denver),
    ("MST", Tz::America__Denver),
    ("MDT", Tz::America__Denver),
    ("PT", Tz::America__Los_Angeles),
    ("PST", Tz::America__Los_Angeles),
    ("PDT", Tz::America__Los_Angeles),
    ("IST", Tz::Asia__Kolkata),
    ("SGT", Tz::Asia__Singapore),
    ("HKT", Tz::Asia__Hong_Kong),
    // Canadian French: heure normale / avancée de l'Est, du Centre, des Rocheuses, du Pacifique.
    ("HNE", Tz::America__Toronto),
    ("HAE", Tz::America__Toronto),
    ("HNC", Tz::America__Winnipeg),
    ("HAC", Tz::America__Winnipeg),
    ("HNR", Tz::America__Edmonton),
    ("HAR", Tz::America__Edmonton),
    ("HNP", Tz::America__Vancouver),
    ("HAP", Tz::America__Vancouver),
    ("JST", Tz::Asia__Tokyo),
    ("KST", Tz::Asia__Seoul),
    ("GST", Tz::Asia__Dubai),
    ("AEST", Tz::Australia__Sydney),
    ("AEDT", Tz::Australia__Sydney),
    ("ACST", Tz::Australia__Adelaide),
    ("ACDT", Tz::Australia__Adelaide),
    ("AWST", Tz::Australia__Perth),
    ("NZST", Tz::Pacific__Auckland),
    ("NZDT", Tz::Pacific__Auckland),
    ("WAT", Tz::Africa__Lagos),
    ("ADT", Tz::America__Halifax),
    ("WIB", Tz::Asia__Jakarta),
    ("WITA", Tz::Asia__Makassar),
    ("WIT", Tz::Asia__Jayapura),
    ("PKT", Tz::Asia__Karachi),
    ("MYT", Tz::Asia__Kuala_Lumpur),
    ("PHT", Tz::Asia__Manila),
    ("NPT", Tz::Asia__Kathmandu),
    ("CAT", Tz::Africa__Johannesburg),
    ("SAST", Tz::Africa__Johannesburg),
    ("EAT", Tz::Africa__Nairobi),
    ("BRT", Tz::America__Sao_Paulo),
];

/// Words for a region ("Eastern", "Pacific time").
const REGION_WORDS: &[(&str, Tz)] = &[
    ("eastern", Tz::America__New_York),
    ("central", Tz::America__Chicago),
    ("mountain", Tz::America__Denver),
    ("pacific", Tz::America__Los_Angeles),
];

/// Places named as "X time", "heure de X", "hora de X", "(X)" near a time.
const PLACES: &[(&str, Tz)] = &[
    ("uk", Tz::Europe__London),
    ("london", Tz::Europe__London),
    ("british", Tz::Europe__London),
    ("paris", Tz::Europe__Paris),
    ("madrid", Tz::Europe__Madrid),
    ("peninsular", Tz::Europe__Madrid),
    ("berlin", Tz::Europe__Berlin),
    ("amsterdam", Tz::Europe__Amsterdam),
    ("oslo", Tz::Europe__Oslo),
    ("stockholm", Tz::Europe__Stockholm),
    ("copenhagen", Tz::Europe__Copenhagen),
    ("svensk", Tz::Europe__Stockholm),
    ("norsk", Tz::Europe__Oslo),
    ("dansk", Tz::Europe__Copenhagen),
    ("deutscher", Tz::Europe__Berlin),
    ("deutsche", Tz::Europe__Berlin),
    ("nederlandse", Tz::Europe__Amsterdam),
    ("athens", Tz::Europe__Athens),
    ("lisbon", Tz::Europe__Lisbon),
    ("dublin", Tz::Europe__Dublin),
    ("sydney", Tz::Australia__Sydney),
    ("melbourne", Tz::Australia__Melbourne),
    ("brisbane", Tz::Australia__Brisbane),
    ("perth", Tz::Australia__Perth),
    ("singapore", Tz::Asia__Singapore),
    ("dubai", Tz::Asia__Dubai),
    ("india", Tz::Asia__Kolkata),
    ("lagos", Tz::Africa__Lagos),
    ("new york", Tz::America__New_York),
    ("toronto", Tz::America__Toronto),
    ("l'est", Tz::America__Toronto),
    ("est", Tz::America__Toronto),
    ("tokyo", Tz::Asia__Tokyo),
    ("auckland", Tz::Pacific__Auckland),
    ("irish", Tz::Europe__Dublin),
    ("ireland", Tz::Europe__Dublin),
    ("nz", Tz::Pacific__Auckland),
    ("new zealand", Tz::Pacific__Auckland),
    ("wellington", Tz::Pacific__Auckland),
    ("hong kong", Tz::Asia__Hong_Kong),
    ("hk", Tz::Asia__Hong_Kong),
    ("manila", Tz::Asia__Manila),
    ("philippine", Tz::Asia__Manila),
    ("philippines", Tz::Asia__Manila),
    ("nairobi", Tz::Africa__Nairobi),
    ("kenya", Tz::Africa__Nairobi),
    ("johannesburg", Tz::Africa__Johannesburg),
    ("cape town", Tz::Africa__Johannesburg),
    ("south african", Tz::Africa__Johannesburg),
    ("helsinki", Tz::Europe__Helsinki),
    ("finnish", Tz::Europe__Helsinki),
    ("warsaw", Tz::Europe__Warsaw),
    ("polish", Tz::Europe__Warsaw),
    ("rome", Tz::Europe__Rome),
    ("milan", Tz::Europe__Rome),
    ("italian", Tz::Europe__Rome),
    ("zurich", Tz::Europe__Zurich),
    ("swiss", Tz::Europe__Zurich),
    ("geneva", Tz::Europe__Zurich),
    ("vienna", Tz::Europe__Vienna),
    ("brussels", Tz::Europe__Brussels),
    ("prague", Tz::Europe__Prague),
    ("munich", Tz::Europe__Berlin),
    ("frankfurt", Tz::Europe__Berlin),
    ("german", Tz::Europe__Berlin),
    ("dutch", Tz::Europe__Amsterdam),
    ("central european", Tz::Europe__Berlin),
    ("eastern european", Tz::Europe__Athens),
    ("western european", Tz::Europe__Lisbon),
    ("mumbai", Tz::Asia__Kolkata),
    ("bangalore", Tz::Asia__Kolkata),
    ("bengaluru", Tz::Asia__Kolkata),
    ("delhi", Tz::Asia__Kolkata),
    ("indian", Tz::Asia__Kolkata),
    ("japan", Tz::Asia__Tokyo),
    ("seoul", Tz::Asia__Seoul),
    ("korea", Tz::Asia__Seoul),
    ("shanghai", Tz::Asia__Shanghai),
    ("beijing", Tz::Asia__Shanghai),
    ("china", Tz::Asia__Shanghai),
    ("são paulo", Tz::America__Sao_Paulo),
    ("sao paulo", Tz::America__Sao_Paulo),
    ("brasília", Tz::America__Sao_Paulo),
    ("brasilia", Tz::America__Sao_Paulo),
    ("mexico city", Tz::America__Mexico_City),
    ("centro de méxico", Tz::America__Mexico_City),
    ("centro de mexico", Tz::America__Mexico_City),
    ("ciudad de méxico", Tz::America__Mexico_City),
    ("cdmx", Tz::America__Mexico_City),
    ("méxico", Tz::America__Mexico_City),
    ("bogotá", Tz::America__Bogota),
    ("bogota", Tz::America__Bogota),
    ("colombia", Tz::America__Bogota),
    ("lima", Tz::America__Lima),
    ("perú", Tz::America__Lima),
    ("buenos aires", Tz::America__Argentina__Buenos_Aires),
    ("argentina", Tz::America__Argentina__Buenos_Aires),
    ("santiago", Tz::America__Santiago),
    ("chile", Tz::America__Santiago),
    ("chicago", Tz::America__Chicago),
    ("los angeles", Tz::America__Los_Angeles),
    ("san francisco", Tz::America__Los_Angeles),
    ("seattle", Tz::America__Los_Angeles),
    ("vancouver", Tz::America__Vancouver),
    ("denver", Tz::America__Denver),
    ("calgary", Tz::America__Edmonton),
    ("montreal", Tz::America__Toronto),
    ("halifax", Tz::America__Halifax),
    ("atlantic", Tz::America__Halifax),
    ("adelaide", Tz::Australia__Adelaide),
    ("canberra", Tz::Australia__Sydney),
    ("hobart", Tz::Australia__Hobart),
    ("gulf", Tz::Asia__Dubai),
    ("uae", Tz::Asia__Dubai),
    ("riyadh", Tz::Asia__Riyadh),
    ("tel aviv", Tz::Asia__Jerusalem),
    ("israel", Tz::Asia__Jerusalem),
    ("cairo", Tz::Africa__Cairo),
    ("accra", Tz::Africa__Accra),
    ("nigeria", Tz::Africa__Lagos),
    // Countries in one zone, and their adjectives.
    ("norwegian", Tz::Europe__Oslo),
    ("norway", Tz::Europe__Oslo),
    ("swedish", Tz::Europe__Stockholm),
    ("sweden", Tz::Europe__Stockholm),
    ("danish", Tz::Europe__Copenhagen),
    ("denmark", Tz::Europe__Copenhagen),
    ("belgian", Tz::Europe__Brussels),
    ("belgium", Tz::Europe__Brussels),
    ("austrian", Tz::Europe__Vienna),
    ("austria", Tz::Europe__Vienna),
    ("french", Tz::Europe__Paris),
    ("france", Tz::Europe__Paris),
    ("spanish", Tz::Europe__Madrid),
    ("spain", Tz::Europe__Madrid),
    ("greek", Tz::Europe__Athens),
    ("greece", Tz::Europe__Athens),
    ("czech", Tz::Europe__Prague),
    ("romanian", Tz::Europe__Bucharest),
    ("romania", Tz::Europe__Bucharest),
    ("hungarian", Tz::Europe__Budapest),
    ("turkish", Tz::Europe__Istanbul),
    ("turkey", Tz::Europe__Istanbul),
    ("israeli", Tz::Asia__Jerusalem),
    ("malaysian", Tz::Asia__Kuala_Lumpur),
    ("malaysia", Tz::Asia__Kuala_Lumpur),
    ("thai", Tz::Asia__Bangkok),
    ("thailand", Tz::Asia__Bangkok),
    ("vietnam", Tz::Asia__Ho_Chi_Minh),
    ("pakistan", Tz::Asia__Karachi),
    ("pakistani", Tz::Asia__Karachi),
    ("bangladesh", Tz::Asia__Dhaka),
    ("sri lanka", Tz::Asia__Colombo),
    ("nepal", Tz::Asia__Kathmandu),
    ("egyptian", Tz::Africa__Cairo),
    ("egypt", Tz::Africa__Cairo),
    ("kenyan", Tz::Africa__Nairobi),
    ("nigerian", Tz::Africa__Lagos),
    ("ghana", Tz::Africa__Accra),
    ("saudi", Tz::Asia__Riyadh),
    ("qatar", Tz::Asia__Qatar),
    ("peru", Tz::America__Lima),
    ("peruvian", Tz::America__Lima),
    ("colombian", Tz::America__Bogota),
    ("chilean", Tz::America__Santiago),
    ("argentine", Tz::America__Argentina__Buenos_Aires),
    ("argentinian", Tz::America__Argentina__Buenos_Aires),
];

/// An abbreviation (any case as written) or a region word.
pub fn abbreviation(word: &str) -> Option<Zone> {
    let upper = word.to_ascii_uppercase();
    if matches!(upper.as_str(), "GMT" | "UTC" | "Z") {
        return Some(Zone::Fixed(0));
    }
    if let Some((_, tz)) = ABBREVIATIONS.iter().find(|(a, _)| *a == upper) {
        return Some(Zone::Region(*tz));
    }
    let lower = word.to_lowercase();
    REGION_WORDS
        .iter()
        .find(|(w, _)| *w == lower)
        .map(|(_, tz)| Zone::Region(*tz))
}

/// A place as in "UK time", "heure de Paris", "hora peninsular, Madrid".
pub fn place(name: &str) -> Option<Zone> {
    listed_place(name).or_else(|| city(&name.trim().to_lowercase()))
}

/// A place from our own list only (no city of the zone database: "(Sofia)" may be a person).
pub fn listed_place(name: &str) -> Option<Zone> {
    let lower = name.trim().to_lowercase();
    PLACES
        .iter()
        .find(|(p, _)| *p == lower)
        .map(|(_, tz)| Zone::Region(*tz))
}

/// Any city the time zone database names a zone for ("Bucharest time", "hora de Caracas"),
/// with Australia's states as their capitals keep the clock ("QLD time").
fn city(lower: &str) -> Option<Zone> {
    let state = match lower {
        "qld" | "queensland" => Some(Tz::Australia__Brisbane),
        "nsw" | "new south wales" | "act" => Some(Tz::Australia__Sydney),
        "vic" => Some(Tz::Australia__Melbourne),
        "western australia" => Some(Tz::Australia__Perth),
        "south australia" => Some(Tz::Australia__Adelaide),
        "tasmania" | "tas" => Some(Tz::Australia__Hobart),
        "northern territory" => Some(Tz::Australia__Darwin),
        _ => None,
    };
    if let Some(tz) = state {
        return Some(Zone::Region(tz));
    }
    // A city's own name, four letters at least ("Lima" yes; no "Ust").
    if lower.chars().count() < 4 || !lower.chars().all(|c| c.is_alphabetic() || c == ' ') {
        return None;
    }
    static CITIES: std::sync::LazyLock<Vec<(String, Tz)>> = std::sync::LazyLock::new(|| {
        chrono_tz::TZ_VARIANTS
            .iter()
            // Cities under a continent or an ocean; not the old names of regions
            // ("Australia/North", "Brazil/East", "Mexico/General", "Pacific/Easter").
            .filter(|tz| {
                let n = tz.name();
                let (area, city) = n.split_once('/').unwrap_or(("", ""));
                matches!(
                    area,
                    "Europe"
                        | "Asia"
                        | "Africa"
                        | "America"
                        | "Australia"
                        | "Pacific"
                        | "Atlantic"
                        | "Indian"
                ) && !city.contains('/')
                    && !matches!(
                        city,
                        "North"
                            | "South"
                            | "West"
                            | "ACT"
                            | "NSW"
                            | "Queensland"
                            | "Victoria"
                            | "Tasmania"
                            | "Yancowinna"
                            | "LHI"
                            | "Canberra"
                            | "Easter"
                    )
            })
            .map(|tz| {
                let city = tz.name().rsplit('/').next().unwrap_or("").replace('_', " ");
                (super::words::letters(&city), *tz)
            })
            .collect()
    });
    let wanted = super::words::letters(lower);
    CITIES
        .iter()
        .find(|(city, _)| *city == wanted)
        .map(|(_, tz)| Zone::Region(*tz))
}

/// `GMT+1`, `UTC-05:00`, `UTC+5:30`: the offset in seconds.
pub fn fixed(sign: char, hours: u32, minutes: u32) -> Option<Zone> {
    if hours > 14 || minutes > 59 {
        return None;
    }
    let secs = (hours * 3600 + minutes * 60) as i32;
    Some(Zone::Fixed(if sign == '-' || sign == '−' {
        -secs
    } else {
        secs
    }))
}

/// The zone of a country, from the last label of an e-mail domain, for times written without
/// one. Only countries with one zone; a `.com` says nothing.
pub fn of_domain(domain: &str) -> Option<Zone> {
    let tld = domain.rsplit('.').next()?.to_ascii_lowercase();
    let tz = match tld.as_str() {
        "uk" => Tz::Europe__London,
        "ie" => Tz::Europe__Dublin,
        "de" => Tz::Europe__Berlin,
        "fr" => Tz::Europe__Paris,
        "nl" => Tz::Europe__Amsterdam,
        "be" => Tz::Europe__Brussels,
        "it" => Tz::Europe__Rome,
        "es" => Tz::Europe__Madrid,
        "dk" => Tz::Europe__Copenhagen,
        "se" => Tz::Europe__Stockholm,
        "no" => Tz::Europe__Oslo,
        "at" => Tz::Europe__Vienna,
        "ch" => Tz::Europe__Zurich,
        "pl" => Tz::Europe__Warsaw,
        "gr" => Tz::Europe__Athens,
        "in" => Tz::Asia__Kolkata,
        "sg" => Tz::Asia__Singapore,
        "jp" => Tz::Asia__Tokyo,
        "ng" => Tz::Africa__Lagos,
        "ae" => Tz::Asia__Dubai,
        "nz" => Tz::Pacific__Auckland,
        _ => return None,
    };
    Some(Zone::Region(tz))
}

/// An invite's TZID: an IANA name, or one of the Windows names Outlook writes.
pub fn tzid(name: &str) -> Option<Zone> {
    let name = name.trim().trim_matches('"');
    if let Ok(tz) = name.parse::<Tz>() {
        return Some(Zone::Region(tz));
    }
    let tz = match name {
        "Pacific Standard Time" => Tz::America__Los_Angeles,
        "Mountain Standard Time" => Tz::America__Denver,
        "Central Standard Time" => Tz::America__Chicago,
        "Eastern Standard Time" => Tz::America__New_York,
        "GMT Standard Time" => Tz::Europe__London,
        "W. Europe Standard Time" => Tz::Europe__Berlin,
        "Romance Standard Time" => Tz::Europe__Paris,
        "Central Europe Standard Time" => Tz::Europe__Budapest,
        "Central European Standard Time" => Tz::Europe__Warsaw,
        "E. Europe Standard Time" | "GTB Standard Time" | "FLE Standard Time" => Tz::Europe__Athens,
        "India Standard Time" => Tz::Asia__Kolkata,
        "Singapore Standard Time" => Tz::Asia__Singapore,
        "China Standard Time" => Tz::Asia__Shanghai,
        "Tokyo Standard Time" => Tz::Asia__Tokyo,
        "AUS Eastern Standard Time" => Tz::Australia__Sydney,
        "Arabian Standard Time" => Tz::Asia__Dubai,
        "E. South America Standard Time" => Tz::America__Sao_Paulo,
        "W. Central Africa Standard Time" => Tz::Africa__Lagos,
        "UTC" | "Coordinated Universal Time" => return Some(Zone::Fixed(0)),
        _ => return None,
    };
    Some(Zone::Region(tz))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn local(y: i32, m: u32, d: u32, h: u32) -> NaiveDateTime {
        NaiveDate::from_ymd_opt(y, m, d)
            .unwrap()
            .and_hms_opt(h, 0, 0)
            .unwrap()
    }

    #[test]
    fn a_zone_agrees_with_a_moment_by_its_offset_at_that_moment() {
        let london = place("london").unwrap();
        let at = |s: &str| DateTime::parse_from_rfc3339(s).unwrap();
        // 01:30 UTC on the day the clocks go forward: 02:30 BST in London. (Read as a London
        // wall time, 01:30 does not exist that day; that is no reason to disagree.)
        assert!(london.agrees_with(&at("2026-03-29T02:30:00+01:00")));
        assert!(!london.agrees_with(&at("2026-03-29T01:30:00+00:00")));
        assert!(london.agrees_with(&at("2026-10-27T14:30:00+00:00")));
        assert!(Zone::Fixed(0).agrees_with(&at("2026-10-27T14:30:00+00:00")));
        assert!(!Zone::Fixed(3600).agrees_with(&at("2026-10-27T14:30:00+00:00")));
    }

    #[test]
    fn named_zones_follow_daylight_saving() {
        let cet = abbreviation("CET").unwrap();
        assert_eq!(
            cet.at(local(2027, 3, 30, 15)).unwrap().to_rfc3339(),
            "2027-03-30T15:00:00+02:00"
        );
        assert_eq!(
            cet.at(local(2026, 11, 10, 14)).unwrap().to_rfc3339(),
            "2026-11-10T14:00:00+01:00"
        );
        let ist = abbreviation("IST").unwrap();
        assert_eq!(
            ist.at(local(2026, 10, 5, 15)).unwrap().to_rfc3339(),
            "2026-10-05T15:00:00+05:30"
        );
        let gmt1 = fixed('+', 1, 0).unwrap();
        assert_eq!(
            gmt1.at(local(2026, 7, 1, 14)).unwrap().to_rfc3339(),
            "2026-07-01T14:00:00+01:00"
        );
        assert_eq!(
            tzid("Pacific Standard Time")
                .unwrap()
                .at(local(2026, 12, 1, 13))
                .unwrap()
                .to_rfc3339(),
            "2026-12-01T13:00:00-08:00"
        );
    }

    #[test]
    fn a_time_in_the_spring_forward_gap_does_not_exist() {
        let et = abbreviation("ET").unwrap();
        let gap = NaiveDate::from_ymd_opt(2027, 3, 14)
            .unwrap()
            .and_hms_opt(2, 30, 0)
            .unwrap();
        assert!(et.at(gap).is_none());
    }
}
