//! The words the tagger knows, looked up once per word while scanning.

use std::sync::LazyLock;

/// Calendar and clock units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Weekend,
    Week,
    Fortnight,
    Month,
    Quarter,
    Half,
    Year,
    Decade,
    Century,
    Millennium,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    /// The TIMEX3 code.
    pub fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// The month a season starts in (northern hemisphere, meteorological).
    pub fn first_month(self) -> u8 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

/// Parts of the day, as TIMEX3 codes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
    Day,
}

impl DayPart {
    pub fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
            DayPart::Day => "DT",
        }
    }
}

/// Function and modifier words that the grammar tests for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum W {
    The,
    A,
    An,
    This,
    That,
    These,
    Last,
    Next,
    Past,
    Coming,
    Previous,
    Following,
    Same,
    Ago,
    Later,
    Earlier,
    Before,
    After,
    Early,
    Late,
    Mid,
    Middle,
    End,
    Beginning,
    Start,
    Of,
    In,
    On,
    At,
    By,
    Since,
    Until,
    From,
    To,
    Through,
    During,
    Every,
    Each,
    Per,
    Today,
    Yesterday,
    Tomorrow,
    Tonight,
    Now,
    Currently,
    Current,
    Recently,
    Recent,
    Lately,
    Nowadays,
    Future,
    Present,
    Daily,
    Weekly,
    Monthly,
    Yearly,
    Annually,
    Hourly,
    Quarterly,
    Nightly,
    Fiscal,
    Few,
    Several,
    Couple,
    Some,
    Many,
    Dozen,
    About,
    Around,
    Nearly,
    Almost,
    Approximately,
    Roughly,
    Over,
    Under,
    More,
    Less,
    Than,
    Least,
    Up,
    Within,
    And,
    Or,
    Noon,
    Midnight,
    Midday,
    Overnight,
    Am,
    Pm,
    Time,
    Local,
    Hence,
    Straight,
    Consecutive,
    Running,
    Full,
    Whole,
    Entire,
    Additional,
    Another,
    Final,
    Latest,
    Near,
    Term,
    Short,
    Moment,
    Period,
    Its,
    Our,
    Their,
    Right,
    Just,
    Only,
    Once,
    Twice,
    Times,
    So,
    Ahead,
    Old,
    Trading,
    Business,
    Working,
    Calendar,
    Christmas,
    Eve,
    Thanksgiving,
    Easter,
    Election,
    Independence,
    New,
    Year,
    Mr,
    Gmt,
    Utc,
    Zone(i16),
    All,
    /// Words after a number that mark an amount, not a year: `2000 people`, `1990 km`.
    Quantity,
    /// Words before a number that make it a label: `resolution 2254`, `flight 1549`.
    Label,
    /// Will, shall, 'll, would: future tense (or future seen from the past).
    Will,
    /// "scheduled", "expected", "due", "set", "plans": future when "to" or "for" follows.
    Would,
    /// Is, are, am: present tense.
    Is,
    /// Has, have: present perfect (a past event).
    Has,
    /// Was, were, had, did, said and irregular past forms.
    PastVerb,
}

/// What a word is, for the grammar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lex {
    #[default]
    Other,
    /// 1..=12; `abbrev` for Jan, Sept, ...
    Month {
        month: u8,
        abbrev: bool,
    },
    /// 1 = Monday ..= 7 = Sunday.
    Weekday {
        day: u8,
        plural: bool,
        abbrev: bool,
    },
    Unit {
        unit: Unit,
        plural: bool,
    },
    /// one ..= ninety, hundred, thousand.
    Number(u32),
    /// first ..= thirty-first.
    Ordinal(u16),
    Season {
        season: Season,
        plural: bool,
    },
    Part {
        part: DayPart,
        plural: bool,
    },
    /// twenties ..= nineties.
    Decade(u8),
    W(W),
}

/// The lexicon: an open-addressing table keyed by the word itself, lower-cased and packed
/// into a `u128` (words are at most 16 ASCII letters), so a lookup is a multiply, a shift and
/// one or two integer compares, with no string hashing or comparison.
pub struct Table {
    keys: Vec<u128>,
    vals: Vec<Lex>,
    mask: usize,
    /// One bit per hash value: most words are not in the table, and this 4 KB filter, which
    /// stays in the L1 cache, turns them away without touching the table.
    filter: Box<[u64; FILTER_WORDS]>,
}

const FILTER_WORDS: usize = 512;

impl Table {
    fn with_capacity(n: usize) -> Table {
        let size = (n * 4).next_power_of_two();
        Table {
            keys: vec![0; size],
            vals: vec![Lex::Other; size],
            mask: size - 1,
            filter: Box::new([0; FILTER_WORDS]),
        }
    }

    fn hash(key: u128) -> u64 {
        let x = (key as u64) ^ ((key >> 64) as u64).rotate_left(29);
        x.wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    fn filter_bit(h: u64) -> (usize, u64) {
        let bit = (h >> 49) as usize; // 15 bits
        (bit >> 6, 1u64 << (bit & 63))
    }

    fn slot(&self, h: u64) -> usize {
        (h >> 20) as usize & self.mask
    }

    fn insert(&mut self, word: &str, lex: Lex) {
        let key = pack(word.as_bytes());
        let h = Table::hash(key);
        let (w, b) = Table::filter_bit(h);
        self.filter[w] |= b;
        let mut i = self.slot(h);
        while self.keys[i] != 0 && self.keys[i] != key {
            i = (i + 1) & self.mask;
        }
        self.keys[i] = key;
        self.vals[i] = lex;
    }

    fn get(&self, key: u128) -> Lex {
        let h = Table::hash(key);
        let (w, b) = Table::filter_bit(h);
        if self.filter[w] & b == 0 {
            return Lex::Other;
        }
        let mut i = self.slot(h);
        loop {
            let k = self.keys[i];
            if k == key {
                return self.vals[i];
            }
            if k == 0 {
                return Lex::Other;
            }
            i = (i + 1) & self.mask;
        }
    }
}

/// A word of at most 16 ASCII letters, lower-cased, one byte per letter from the low end.
fn pack(word: &[u8]) -> u128 {
    let mut buf = [0u8; 16];
    let n = word.len().min(16);
    buf[..n].copy_from_slice(&word[..n]);
    // Setting bit 5 lower-cases a letter; only the bytes of the word get it.
    let mask = if n == 16 {
        u128::MAX
    } else {
        (1u128 << (8 * n)) - 1
    };
    (u128::from_le_bytes(buf) | 0x2020_2020_2020_2020_2020_2020_2020_2020) & mask
}

/// The longest word in the table; longer words are never looked up.
pub const MAX_WORD: usize = 16;

/// English month names, lower case, January first.
pub const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

const MONTH_ABBREVS: [(&str, u8); 12] = [
    ("jan", 1),
    ("feb", 2),
    ("mar", 3),
    ("apr", 4),
    ("jun", 6),
    ("jul", 7),
    ("aug", 8),
    ("sep", 9),
    ("sept", 9),
    ("oct", 10),
    ("nov", 11),
    ("dec", 12),
];

const WEEKDAYS: [&str; 7] = [
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

const WEEKDAY_ABBREVS: [(&str, u8); 10] = [
    ("mon", 1),
    ("tue", 2),
    ("tues", 2),
    ("wed", 3),
    ("thu", 4),
    ("thur", 4),
    ("thurs", 4),
    ("fri", 5),
    ("sat", 6),
    ("sun", 7),
];

const NUMBERS: [(&str, u32); 30] = [
    ("zero", 0),
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
    ("forty", 40),
    ("fourty", 40),
    ("fifty", 50),
    ("sixty", 60),
    ("seventy", 70),
    ("eighty", 80),
    ("ninety", 90),
    ("hundred", 100),
];

const ORDINALS: [(&str, u16); 29] = [
    ("first", 1),
    ("second", 2),
    ("third", 3),
    ("fourth", 4),
    ("fifth", 5),
    ("sixth", 6),
    ("seventh", 7),
    ("eighth", 8),
    ("ninth", 9),
    ("tenth", 10),
    ("eleventh", 11),
    ("twelfth", 12),
    ("thirteenth", 13),
    ("fourteenth", 14),
    ("fifteenth", 15),
    ("sixteenth", 16),
    ("seventeenth", 17),
    ("eighteenth", 18),
    ("nineteenth", 19),
    ("twentieth", 20),
    ("thirtieth", 30),
    ("fortieth", 40),
    ("fiftieth", 50),
    ("sixtieth", 60),
    ("seventieth", 70),
    ("eightieth", 80),
    ("ninetieth", 90),
    ("hundredth", 100),
    ("thousandth", 1000),
];

const UNITS: [(&str, Unit); 14] = [
    ("second", Unit::Second),
    ("minute", Unit::Minute),
    ("hour", Unit::Hour),
    ("day", Unit::Day),
    ("weekend", Unit::Weekend),
    ("week", Unit::Week),
    ("fortnight", Unit::Fortnight),
    ("month", Unit::Month),
    ("quarter", Unit::Quarter),
    ("year", Unit::Year),
    ("decade", Unit::Decade),
    ("century", Unit::Century),
    ("millennium", Unit::Millennium),
    ("half", Unit::Half),
];

const WORDS: &[(&str, W)] = &[
    ("the", W::The),
    ("all", W::All),
    ("a", W::A),
    ("an", W::An),
    ("this", W::This),
    ("that", W::That),
    ("these", W::These),
    ("last", W::Last),
    ("next", W::Next),
    ("past", W::Past),
    ("coming", W::Coming),
    ("upcoming", W::Coming),
    ("previous", W::Previous),
    ("preceding", W::Previous),
    ("prior", W::Previous),
    ("following", W::Following),
    ("same", W::Same),
    ("ago", W::Ago),
    ("later", W::Later),
    ("earlier", W::Earlier),
    ("before", W::Before),
    ("after", W::After),
    ("early", W::Early),
    ("late", W::Late),
    ("mid", W::Mid),
    ("middle", W::Middle),
    ("end", W::End),
    ("beginning", W::Beginning),
    ("start", W::Start),
    ("of", W::Of),
    ("in", W::In),
    ("on", W::On),
    ("at", W::At),
    ("by", W::By),
    ("since", W::Since),
    ("until", W::Until),
    ("till", W::Until),
    ("from", W::From),
    ("to", W::To),
    ("through", W::Through),
    ("during", W::During),
    ("every", W::Every),
    ("each", W::Each),
    ("per", W::Per),
    ("today", W::Today),
    ("yesterday", W::Yesterday),
    ("tomorrow", W::Tomorrow),
    ("tonight", W::Tonight),
    ("now", W::Now),
    ("currently", W::Currently),
    ("current", W::Current),
    ("recently", W::Recently),
    ("recent", W::Recent),
    ("lately", W::Lately),
    ("nowadays", W::Nowadays),
    ("future", W::Future),
    ("present", W::Present),
    ("daily", W::Daily),
    ("weekly", W::Weekly),
    ("monthly", W::Monthly),
    ("yearly", W::Yearly),
    ("annually", W::Annually),
    ("hourly", W::Hourly),
    ("quarterly", W::Quarterly),
    ("nightly", W::Nightly),
    ("fiscal", W::Fiscal),
    ("few", W::Few),
    ("several", W::Several),
    ("couple", W::Couple),
    ("some", W::Some),
    ("many", W::Many),
    ("dozen", W::Dozen),
    ("about", W::About),
    ("around", W::Around),
    ("nearly", W::Nearly),
    ("almost", W::Almost),
    ("approximately", W::Approximately),
    ("roughly", W::Roughly),
    ("over", W::Over),
    ("under", W::Under),
    ("more", W::More),
    ("less", W::Less),
    ("fewer", W::Less),
    ("than", W::Than),
    ("least", W::Least),
    ("up", W::Up),
    ("within", W::Within),
    ("and", W::And),
    ("or", W::Or),
    ("noon", W::Noon),
    ("midnight", W::Midnight),
    ("midday", W::Midday),
    ("overnight", W::Overnight),
    ("am", W::Am),
    ("pm", W::Pm),
    ("time", W::Time),
    ("local", W::Local),
    ("hence", W::Hence),
    ("straight", W::Straight),
    ("consecutive", W::Consecutive),
    ("successive", W::Consecutive),
    ("running", W::Running),
    ("full", W::Full),
    ("whole", W::Whole),
    ("entire", W::Entire),
    ("additional", W::Additional),
    ("another", W::Another),
    ("final", W::Final),
    ("latest", W::Latest),
    ("near", W::Near),
    ("term", W::Term),
    ("short", W::Short),
    ("moment", W::Moment),
    ("period", W::Period),
    ("its", W::Its),
    ("our", W::Our),
    ("their", W::Their),
    ("right", W::Right),
    ("just", W::Just),
    ("only", W::Only),
    ("once", W::Once),
    ("twice", W::Twice),
    ("times", W::Times),
    ("so", W::So),
    ("ahead", W::Ahead),
    ("old", W::Old),
    ("trading", W::Trading),
    ("business", W::Business),
    ("working", W::Working),
    ("calendar", W::Calendar),
    ("christmas", W::Christmas),
    ("xmas", W::Christmas),
    ("eve", W::Eve),
    ("thanksgiving", W::Thanksgiving),
    ("easter", W::Easter),
    ("election", W::Election),
    ("independence", W::Independence),
    ("new", W::New),
    ("mr", W::Mr),
    ("mrs", W::Mr),
    ("ms", W::Mr),
    ("dr", W::Mr),
    ("gen", W::Mr),
    ("gmt", W::Gmt),
    ("utc", W::Utc),
    ("z", W::Utc),
    // Time zones with a fixed offset (minutes east of UTC).
    ("est", W::Zone(-300)),
    ("edt", W::Zone(-240)),
    ("cst", W::Zone(-360)),
    ("cdt", W::Zone(-300)),
    ("mst", W::Zone(-420)),
    ("mdt", W::Zone(-360)),
    ("pst", W::Zone(-480)),
    ("pdt", W::Zone(-420)),
    ("bst", W::Zone(60)),
    ("cet", W::Zone(60)),
    ("cest", W::Zone(120)),
    ("eet", W::Zone(120)),
    ("eest", W::Zone(180)),
    ("msk", W::Zone(180)),
    ("jst", W::Zone(540)),
    ("aest", W::Zone(600)),
    // Nouns that count things: a number before them is an amount.
    ("people", W::Quantity),
    ("persons", W::Quantity),
    ("troops", W::Quantity),
    ("soldiers", W::Quantity),
    ("civilians", W::Quantity),
    ("fighters", W::Quantity),
    ("militants", W::Quantity),
    ("refugees", W::Quantity),
    ("residents", W::Quantity),
    ("members", W::Quantity),
    ("workers", W::Quantity),
    ("employees", W::Quantity),
    ("jobs", W::Quantity),
    ("shares", W::Quantity),
    ("dollars", W::Quantity),
    ("euros", W::Quantity),
    ("pounds", W::Quantity),
    ("yen", W::Quantity),
    ("rubles", W::Quantity),
    ("million", W::Quantity),
    ("billion", W::Quantity),
    ("trillion", W::Quantity),
    ("percent", W::Quantity),
    ("km", W::Quantity),
    ("kilometers", W::Quantity),
    ("kilometres", W::Quantity),
    ("miles", W::Quantity),
    ("meters", W::Quantity),
    ("metres", W::Quantity),
    ("feet", W::Quantity),
    ("tons", W::Quantity),
    ("tonnes", W::Quantity),
    ("barrels", W::Quantity),
    ("units", W::Quantity),
    ("cases", W::Quantity),
    ("votes", W::Quantity),
    ("points", W::Quantity),
    ("deaths", W::Quantity),
    ("homes", W::Quantity),
    ("houses", W::Quantity),
    ("cars", W::Quantity),
    ("vehicles", W::Quantity),
    ("aircraft", W::Quantity),
    ("planes", W::Quantity),
    ("tanks", W::Quantity),
    ("rounds", W::Quantity),
    ("missiles", W::Quantity),
    ("rockets", W::Quantity),
    ("bombs", W::Quantity),
    ("children", W::Quantity),
    ("women", W::Quantity),
    ("men", W::Quantity),
    ("students", W::Quantity),
    ("pages", W::Quantity),
    ("words", W::Quantity),
    ("copies", W::Quantity),
    ("acres", W::Quantity),
    ("hectares", W::Quantity),
    ("calories", W::Quantity),
    ("mg", W::Quantity),
    ("kg", W::Quantity),
    ("lb", W::Quantity),
    ("mph", W::Quantity),
    // Nouns that label things by number.
    ("resolution", W::Label),
    ("resolutions", W::Label),
    ("flight", W::Label),
    ("number", W::Label),
    ("no", W::Label),
    ("nos", W::Label),
    ("route", W::Label),
    ("room", W::Label),
    ("page", W::Label),
    ("chapter", W::Label),
    ("article", W::Label),
    ("section", W::Label),
    ("paragraph", W::Label),
    ("item", W::Label),
    ("model", W::Label),
    ("version", W::Label),
    ("code", W::Label),
    ("bus", W::Label),
    ("line", W::Label),
    ("highway", W::Label),
    ("interstate", W::Label),
    ("platform", W::Label),
    ("gate", W::Label),
    ("box", W::Label),
    ("suite", W::Label),
    ("apartment", W::Label),
    ("building", W::Label),
    ("exit", W::Label),
    ("protocol", W::Label),
    ("ward", W::Label),
    ("rule", W::Label),
    ("bill", W::Label),
    ("decree", W::Label),
    ("order", W::Label),
    ("tel", W::Label),
    ("phone", W::Label),
    ("fax", W::Label),
    ("call", W::Label),
    ("pin", W::Label),
    ("id", W::Label),
    ("vol", W::Label),
    ("issue", W::Label),
    ("batch", W::Label),
    ("serial", W::Label),
    ("patent", W::Label),
    ("boeing", W::Label),
    ("airbus", W::Label),
    ("street", W::Label),
    ("st", W::Label),
    ("avenue", W::Label),
    ("ave", W::Label),
    ("road", W::Label),
    ("hill", W::Label),
    ("height", W::Label),
    ("heights", W::Label),
    ("altitude", W::Label),
    ("brigade", W::Label),
    ("division", W::Label),
    ("regiment", W::Label),
    ("battalion", W::Label),
    ("unit", W::Label),
    ("squadron", W::Label),
    ("windows", W::Label),
    ("office", W::Label),
    ("vision", W::Label),
    ("agenda", W::Label),
    ("horizon", W::Label),
    // Tense markers.
    ("will", W::Will),
    ("shall", W::Will),
    ("ll", W::Will),
    ("would", W::Will),
    ("going", W::Would),
    ("scheduled", W::Would),
    ("expected", W::Would),
    ("due", W::Would),
    ("planned", W::Would),
    ("planning", W::Would),
    ("plans", W::Would),
    ("plan", W::Would),
    ("set", W::Would),
    ("slated", W::Would),
    ("poised", W::Would),
    ("intend", W::Would),
    ("hope", W::Would),
    ("hopes", W::Would),
    ("intends", W::Would),
    ("is", W::Is),
    ("be", W::Is),
    ("being", W::Is),
    ("are", W::Is),
    ("says", W::Is),
    ("say", W::Is),
    ("has", W::Has),
    ("have", W::Has),
    ("was", W::PastVerb),
    ("were", W::PastVerb),
    ("had", W::PastVerb),
    ("did", W::PastVerb),
    ("said", W::PastVerb),
    ("told", W::PastVerb),
    ("met", W::PastVerb),
    ("went", W::PastVerb),
    ("came", W::PastVerb),
    ("took", W::PastVerb),
    ("gave", W::PastVerb),
    ("made", W::PastVerb),
    ("held", W::PastVerb),
    ("left", W::PastVerb),
    ("began", W::PastVerb),
    ("fought", W::PastVerb),
    ("saw", W::PastVerb),
    ("found", W::PastVerb),
    ("got", W::PastVerb),
    ("fell", W::PastVerb),
    ("rose", W::PastVerb),
    ("won", W::PastVerb),
    ("lost", W::PastVerb),
    ("struck", W::PastVerb),
    ("shot", W::PastVerb),
    ("broke", W::PastVerb),
    ("led", W::PastVerb),
    ("ran", W::PastVerb),
    ("sent", W::PastVerb),
    ("spoke", W::PastVerb),
    ("wrote", W::PastVerb),
    ("brought", W::PastVerb),
    ("bought", W::PastVerb),
    ("sold", W::PastVerb),
    ("paid", W::PastVerb),
    ("kept", W::PastVerb),
    ("felt", W::PastVerb),
    ("thought", W::PastVerb),
    ("became", W::PastVerb),
    ("stood", W::PastVerb),
    ("heard", W::PastVerb),
    ("flew", W::PastVerb),
    ("fled", W::PastVerb),
    ("drove", W::PastVerb),
    ("knew", W::PastVerb),
    ("chose", W::PastVerb),
    ("threw", W::PastVerb),
    ("woke", W::PastVerb),
    ("sank", W::PastVerb),
    ("arose", W::PastVerb),
    ("withdrew", W::PastVerb),
    ("overtook", W::PastVerb),
    ("swept", W::PastVerb),
    ("meant", W::PastVerb),
    ("spent", W::PastVerb),
    ("built", W::PastVerb),
    ("dealt", W::PastVerb),
    ("taught", W::PastVerb),
    ("caught", W::PastVerb),
    ("sought", W::PastVerb),
    ("understood", W::PastVerb),
    ("became", W::PastVerb),
    ("been", W::PastVerb),
    ("seen", W::PastVerb),
    ("taken", W::PastVerb),
    ("given", W::PastVerb),
    ("done", W::PastVerb),
];

static TABLE: LazyLock<Table> = LazyLock::new(build);

fn build() -> Table {
    let mut t = Table::with_capacity(1024);
    let mut put = |k: &'static str, v: Lex| {
        debug_assert!(k.len() <= MAX_WORD && k.bytes().all(|b| b.is_ascii_lowercase()));
        t.insert(k, v);
    };
    for (w, l) in WORDS {
        put(w, Lex::W(*l));
    }
    for (i, m) in MONTHS.iter().enumerate() {
        put(
            m,
            Lex::Month {
                month: i as u8 + 1,
                abbrev: false,
            },
        );
    }
    for (m, n) in MONTH_ABBREVS {
        put(
            m,
            Lex::Month {
                month: n,
                abbrev: true,
            },
        );
    }
    const WEEKDAY_PLURALS: [&str; 7] = [
        "mondays",
        "tuesdays",
        "wednesdays",
        "thursdays",
        "fridays",
        "saturdays",
        "sundays",
    ];
    for (i, d) in WEEKDAYS.iter().enumerate() {
        let day = i as u8 + 1;
        put(
            d,
            Lex::Weekday {
                day,
                plural: false,
                abbrev: false,
            },
        );
        put(
            WEEKDAY_PLURALS[i],
            Lex::Weekday {
                day,
                plural: true,
                abbrev: false,
            },
        );
    }
    for (d, n) in WEEKDAY_ABBREVS {
        put(
            d,
            Lex::Weekday {
                day: n,
                plural: false,
                abbrev: true,
            },
        );
    }
    for (w, n) in NUMBERS {
        put(w, Lex::Number(n));
    }
    put("thousand", Lex::Number(1000));
    for (w, n) in ORDINALS {
        put(w, Lex::Ordinal(n));
    }
    const UNIT_PLURALS: [&str; 14] = [
        "seconds",
        "minutes",
        "hours",
        "days",
        "weekends",
        "weeks",
        "fortnights",
        "months",
        "quarters",
        "years",
        "decades",
        "centuries",
        "millennia",
        "halves",
    ];
    for (i, (w, u)) in UNITS.iter().enumerate() {
        if *w != "second" {
            put(
                w,
                Lex::Unit {
                    unit: *u,
                    plural: false,
                },
            );
        }
        put(
            UNIT_PLURALS[i],
            Lex::Unit {
                unit: *u,
                plural: true,
            },
        );
    }
    for (w, u) in [
        ("min", Unit::Minute),
        ("mins", Unit::Minute),
        ("hr", Unit::Hour),
        ("hrs", Unit::Hour),
        ("yr", Unit::Year),
        ("yrs", Unit::Year),
        ("sec", Unit::Second),
        ("secs", Unit::Second),
    ] {
        put(
            w,
            Lex::Unit {
                unit: u,
                plural: w.ends_with('s'),
            },
        );
    }
    for (w, s, plural) in [
        ("spring", Season::Spring, false),
        ("springs", Season::Spring, true),
        ("summer", Season::Summer, false),
        ("summers", Season::Summer, true),
        ("autumn", Season::Fall, false),
        ("autumns", Season::Fall, true),
        ("fall", Season::Fall, false),
        ("winter", Season::Winter, false),
        ("winters", Season::Winter, true),
    ] {
        put(w, Lex::Season { season: s, plural });
    }
    for (w, p, plural) in [
        ("morning", DayPart::Morning, false),
        ("mornings", DayPart::Morning, true),
        ("afternoon", DayPart::Afternoon, false),
        ("afternoons", DayPart::Afternoon, true),
        ("evening", DayPart::Evening, false),
        ("evenings", DayPart::Evening, true),
        ("night", DayPart::Night, false),
        ("nights", DayPart::Night, true),
        ("daytime", DayPart::Day, false),
    ] {
        put(w, Lex::Part { part: p, plural });
    }
    for (w, d) in [
        ("twenties", 2),
        ("thirties", 3),
        ("forties", 4),
        ("fifties", 5),
        ("sixties", 6),
        ("seventies", 7),
        ("eighties", 8),
        ("nineties", 9),
    ] {
        put(w, Lex::Decade(d));
    }
    put(
        "year",
        Lex::Unit {
            unit: Unit::Year,
            plural: false,
        },
    );
    t
}

/// Whether `word` names a day by its distance from today ("yesterday", "today", "tonight",
/// "tomorrow"): a noun that stands alone as an adverbial of time.
pub fn deictic_day(word: &str) -> bool {
    matches!(
        classify(word.as_bytes()),
        Lex::W(W::Today | W::Yesterday | W::Tomorrow | W::Tonight)
    )
}

/// Whether `word` names the day of writing itself ("today"), whatever its case.
pub fn names_today(word: &str) -> bool {
    matches!(classify(word.as_bytes()), Lex::W(W::Today))
}

/// Whether `word` anchors a period to now ("last week", "this year", "every month"): a
/// period so modified is a time adverbial, not a period whose bounds are told.
pub fn deictic_determiner(word: &str) -> bool {
    matches!(
        classify(word.as_bytes()),
        Lex::W(W::This | W::That | W::These | W::Last | W::Next | W::Past | W::Coming | W::Every)
    )
}

/// The class of a word of ASCII letters (any case).
pub fn classify(word: &[u8]) -> Lex {
    if word.len() > MAX_WORD || word.is_empty() {
        return Lex::Other;
    }
    TABLE.get(pack(word))
}

/// The class of the word `text[start..start + len]`, read with one 16-byte load where the
/// text allows: the scanner's fast path.
pub fn classify_in(text: &[u8], start: usize, len: usize) -> Lex {
    if len > MAX_WORD || len == 0 {
        return Lex::Other;
    }
    match text.get(start..start + 16) {
        Some(chunk) => {
            let mut raw = [0u8; 16];
            raw.copy_from_slice(chunk);
            let mask = if len == 16 {
                u128::MAX
            } else {
                (1u128 << (8 * len)) - 1
            };
            let key = (u128::from_le_bytes(raw) | 0x2020_2020_2020_2020_2020_2020_2020_2020) & mask;
            TABLE.get(key)
        }
        None => classify(&text[start..start + len]),
    }
}

/// The lexicon's month names, for tests and the DCT scanner.
pub fn month_name(month: u8) -> &'static str {
    MONTHS[usize::from(month.clamp(1, 12) - 1)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_any_case() {
        assert_eq!(
            classify(b"September"),
            Lex::Month {
                month: 9,
                abbrev: false
            }
        );
        assert_eq!(
            classify(b"SEPT"),
            Lex::Month {
                month: 9,
                abbrev: true
            }
        );
        assert_eq!(
            classify(b"fridays"),
            Lex::Weekday {
                day: 5,
                plural: true,
                abbrev: false
            }
        );
        assert_eq!(
            classify(b"Hours"),
            Lex::Unit {
                unit: Unit::Hour,
                plural: true
            }
        );
        assert_eq!(classify(b"second"), Lex::Ordinal(2));
        assert_eq!(classify(b"twenty"), Lex::Number(20));
        assert_eq!(classify(b"zebra"), Lex::Other);
        assert_eq!(classify(b"extraordinarilylongword"), Lex::Other);
    }
}
