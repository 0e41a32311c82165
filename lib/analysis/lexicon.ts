// Word lists the attribution rules rely on. Kept short and general: they name
// grammar (speech verbs, titles, source nouns), not facts about the news.

/** Verbs that introduce someone's words, in the forms news prose uses. */
export const SPEECH_VERBS = new Set(
  `say says said saying tell tells told telling add adds added adding write writes wrote writing post posts posted
  tweet tweets tweeted state states stated declare declares declared explain explains explained note notes noted
  warn warns warned argue argues argued insist insists insisted ask asks asked reply replies replied respond responds
  responded continue continues continued acknowledge acknowledges acknowledged admit admits admitted claim claims claimed
  announce announces announced recall recalls recalled testify testifies testified remark remarks remarked predict
  predicts predicted urge urges urged caution cautions cautioned emphasize emphasizes emphasized emphasise emphasised
  stress stresses stressed concede concedes conceded complain complains complained joke jokes joked quip quips quipped
  vow vows vowed promise promises promised pledge pledges pledged suggest suggests suggested observe observes observed
  counter counters countered maintain maintains maintained reiterate reiterates reiterated confirm confirms confirmed
  deny denies denied tell told shout shouted exclaim exclaimed agree agrees agreed concluded conclude concludes
  recount recounts recounted describe describes described reflect reflects reflected lament laments lamented
  boast boasts boasted mused muse muses sighed sigh sighs accuse accuses accused criticize criticizes criticized
  criticise criticises criticised praise praises praised condemn condemns condemned blame blames blamed hail hails hailed
  estimate estimates estimated allege alleges alleged contend contends contended assert asserts asserted
  reply write posts wrote`.split(/\s+/),
);

/** Words of a title or office that come before a name and are not part of it. */
export const TITLE_WORDS = new Set(
  `president vice prime minister secretary senator sen sen. rep rep. representative gov gov. governor mayor deputy
  chancellor king queen prince princess judge justice chief director ceo chairman chairwoman chair spokesman
  spokeswoman spokesperson coach manager captain general gen gen. lt lt. col col. colonel sgt sgt. sergeant major
  admiral commander officer detective inspector sheriff attorney prosecutor dr dr. prof prof. professor mr mr. mrs
  mrs. ms ms. miss sir dame lord lady pope cardinal bishop archbishop rabbi imam sheikh ayatollah supreme leader
  ambassador envoy commissioner superintendent principal councillor councilor councilman councilwoman alderman
  former acting interim incoming outgoing state foreign defense defence interior finance health education
  justice home trade economy energy transport labour labor culture agriculture treasury house speaker majority
  minority whip of the u.s. us federal national regional city county district state-level senior junior assistant
  associate executive managing general counsel head founder co-founder owner president-elect premier premier-elect
  opposition party chief executive officer analyst economist researcher scientist doctor nurse leader capt capt.
  cpt sgt. lt. gen. adm adm. maj maj. cmdr cmdr. supt supt. insp insp. det det. rev rev. fr fr. sr. jr. st.
  financial operating technology technical marketing communications press board member council meteorologist
  writer editor reporter columnist correspondent author historian physician surgeon pediatrician psychiatrist
  psychologist lawyer defense defence attorney judge magistrate juror witness striker midfielder defender
  goalkeeper forward winger guard quarterback pitcher coach head assistant owner founder chief spokesman
  secretary-general undersecretary under-secretary deputy-director vice-president vice-chair treasurer trustee
  supervisor administrator controller comptroller auditor clerk registrar coordinator organizer organiser
  volunteer chef designer engineer architect farmer artist musician singer actor actress poet novelist filmmaker
  producer builder maker cfo coo cto co-chair apprentice student teacher instructor lecturer librarian
  resident residents witness neighbor neighbour homeowner voter shopper parent fan driver passenger survivor
  victim veteran activist campaigner protester worker employee lawmaker official
  regent dean provost chancellor rector pastor reverend father sister brother elder nurse paramedic firefighter
  trooper constable officer sheriff marshal ranger warden mp mep msp mla congressman congresswoman assemblyman
  assemblywoman lawmaker legislator delegate premier taoiseach emir sultan crown majesty highness excellency
  staff`.split(/\s+/),
);

/** Nouns that make a noun phrase a (often anonymous) source: “a senior official”, “two people”. */
export const SOURCE_NOUNS = new Set(
  `official officials source sources person people spokesperson spokesman spokeswoman spokespeople aide aides
  diplomat diplomats analyst analysts expert experts witness witnesses resident residents member members lawmaker
  lawmakers representative representatives adviser advisers advisor advisors officer officers insider insiders
  employee employees staffer staffers investigator investigators authorities prosecutors police statement report
  reports documents document filing officials. economist economists scientists researchers researcher organizers
  organisers activists activist campaigners campaigner negotiators negotiator student students parent parents
  teacher teachers grader graders fan fans voter voters worker workers nurses doctors manager managers executive
  executives shopper shoppers customer customers user users owner owners neighbor neighbors neighbour neighbours
  survivor survivors victim victims relative relatives friend friends colleague colleagues lawyer lawyers
  attorney attorneys critic critics supporter supporters opponent opponents protester protesters protestors
  company firm group agency ministry department government administration spokesman`.split(/\s+/),
);

/** Roles that stand for a named person later in a text: “the president said”. */
export const ROLE_NOUNS = new Set(
  `president prime minister secretary senator governor mayor chancellor king queen judge coach manager captain
  spokesman spokeswoman spokesperson minister ambassador chief director ceo chairman chairwoman founder premier
  sheriff prosecutor superintendent principal commissioner detective inspector pope leader`.split(/\s+/),
);

export const PERSONAL_PRONOUNS: Record<string, 'he' | 'she'> = { he: 'he', she: 'she' };

/** Lower-case words that may sit inside a name: “Charles de Gaulle”, “Ursula von der Leyen”. */
export const NAME_PARTICLES = new Set(['de', 'da', 'di', 'del', 'della', 'van', 'von', 'der', 'den', 'bin', 'al', 'el', 'la', 'le', 'du', 'dos', 'das', 'ibn', 'ben', 'ter', 'op']);

/** Capitalised words that begin sentences or dates and are never names. */
export const NOT_NAMES = new Set(
  `the a an this that these those it its he she they we i you his her their our my your there here when while after
  before since as if but and or so yet because although though despite amid amidst over under on in at by for from
  with without during about against between into through across inside outside also however meanwhile still even
  monday tuesday wednesday thursday friday saturday sunday january february march april may june july august
  september october november december today tonight yesterday tomorrow mr mrs ms dr god earlier later last next
  featured photo image credit read more click follow update updated editor note reporting contributed then
  asked now so-called breaking exclusive watch live opinion analysis`.split(/\s+/),
);

/** Words that make a capitalised run an organisation rather than a person. */
export const ORGANISATION_WORDS = new Set(
  `ministry department council committee agency administration authority company corp corp. corporation inc inc.
  ltd ltd. llc plc group university college institute school party commission court bank union association
  federation club fc united police service services office house senate congress parliament assembly army navy
  force forces guard guards pentagon kremlin government board fund foundation trust hospital clinic museum church
  network news press times post journal tribune herald gazette radio television tv agency reuters bloomberg league
  nations organization organisation centre center bureau directorate cabinet coalition alliance front movement
  brigade brigades corps command airlines airways motors technologies labs laboratories systems energy pharma
  pharmaceuticals holdings partners capital ventures studios records media elementary academy prosecutor's
  prosecutor’s sheriff's sheriff’s attorney's attorney’s trust council's rugby football soccer cricket hockey
  athletic athletics opposition rfc afc cf sc bc securities exchange act bill treaty accord agreement
  protocol convention charter general institute laboratory observatory airport`.split(/\s+/),
);

/** Platforms people post on: organisations, never people. */
export const PLATFORMS = new Set(['X', 'Twitter', 'Facebook', 'Instagram', 'Threads', 'LinkedIn', 'TikTok', 'YouTube', 'Telegram', 'WhatsApp', 'Reddit', 'Bluesky', 'Snapchat', 'Substack', 'Mastodon', 'Weibo', 'WeChat']);

/** Well-known outlets, with the short names articles also use. */
export const OUTLETS: { name: string; aliases: string[] }[] = [
  { name: 'The Associated Press', aliases: ['Associated Press', 'AP', 'the AP'] },
  { name: 'Reuters', aliases: [] },
  { name: 'Agence France-Presse', aliases: ['AFP'] },
  { name: 'ABC News', aliases: ['ABC'] },
  { name: 'CBS News', aliases: ['CBS'] },
  { name: 'NBC News', aliases: ['NBC'] },
  { name: 'CNN', aliases: [] },
  { name: 'Fox News', aliases: ['Fox'] },
  { name: 'MSNBC', aliases: [] },
  { name: 'NPR', aliases: [] },
  { name: 'PBS', aliases: [] },
  { name: 'BBC', aliases: ['BBC News'] },
  { name: 'The New York Times', aliases: ['New York Times', 'the Times'] },
  { name: 'The Washington Post', aliases: ['Washington Post'] },
  { name: 'The Wall Street Journal', aliases: ['Wall Street Journal', 'WSJ'] },
  { name: 'The Guardian', aliases: ['Guardian'] },
  { name: 'The Hill', aliases: [] },
  { name: 'Politico', aliases: [] },
  { name: 'Axios', aliases: [] },
  { name: 'Bloomberg', aliases: ['Bloomberg News'] },
  { name: 'Al Jazeera', aliases: [] },
  { name: 'The Times of Israel', aliases: ['Times of Israel'] },
  { name: 'Haaretz', aliases: [] },
  { name: 'Financial Times', aliases: ['the FT', 'FT'] },
  { name: 'The Economist', aliases: ['Economist'] },
  { name: 'USA Today', aliases: [] },
  { name: 'Los Angeles Times', aliases: ['LA Times'] },
  { name: 'The Telegraph', aliases: ['Telegraph'] },
  { name: 'The Independent', aliases: [] },
  { name: 'Sky News', aliases: [] },
  { name: 'Deutsche Welle', aliases: ['DW'] },
  { name: 'Newsweek', aliases: [] },
  { name: 'Fox Business', aliases: [] },
  { name: 'CNBC', aliases: [] },
  { name: 'The Atlantic', aliases: [] },
  { name: 'Semafor', aliases: [] },
  { name: 'Truth Social', aliases: [] },
];

/** Outlet-like names not in the list: “The Valley Gazette”, “Channel 4 News”. */
export const OUTLET_PATTERN = /^(?:The\s+)?(?:[A-Z][\w.&'’-]*\s+){0,4}(?:News|Times|Post|Journal|Tribune|Herald|Gazette|Chronicle|Observer|Telegraph|Standard|Courier|Express|Mirror|Sun|Star|Daily|Review|Inquirer|Examiner|Dispatch|Bulletin|Record|Register|Press|Radio|TV|Television|Broadcasting|Network|Magazine|Weekly|Wire)$/;

/** Places that act or are mentioned like names: never people. */
export const PLACES = new Set(
  `afghanistan albania algeria argentina armenia australia austria azerbaijan bahrain bangladesh belarus belgium
  bolivia bosnia brazil britain bulgaria cambodia cameroon canada chad chile china colombia congo croatia cuba cyprus
  czechia denmark ecuador egypt england eritrea estonia ethiopia europe finland france gaza georgia germany ghana greece
  guatemala haiti honduras hungary iceland india indonesia iran iraq ireland israel italy japan jordan kazakhstan
  kenya korea kosovo kuwait kyrgyzstan laos latvia lebanon libya lithuania luxembourg madagascar malaysia mali malta
  mexico moldova mongolia montenegro morocco mozambique myanmar namibia nepal netherlands nicaragua niger nigeria
  norway oman pakistan palestine panama paraguay peru philippines poland portugal qatar romania russia rwanda
  scotland senegal serbia singapore slovakia slovenia somalia spain sudan sweden switzerland syria taiwan tajikistan
  tanzania thailand tunisia turkey turkmenistan uganda ukraine uruguay uzbekistan venezuela vietnam wales yemen
  zambia zimbabwe america africa asia tehran jerusalem washington moscow beijing london paris berlin kyiv kiev
  brussels tokyo delhi cairo riyadh baghdad damascus beirut ankara istanbul doha dubai geneva rome madrid vienna
  warsaw ottawa canberra seoul pyongyang manila jakarta hanoi bangkok karachi kabul islamabad dhaka lagos nairobi
  johannesburg sydney melbourne toronto montreal vancouver chicago california texas florida york virginia ohio
  michigan georgia pennsylvania arizona nevada carolina alabama oregon minnesota wisconsin iowa kansas kentucky
  louisiana massachusetts maryland missouri tennessee utah colorado connecticut idaho indiana maine mississippi
  montana nebraska vermont wyoming alaska hawaii delaware arkansas oklahoma crimea donbas kharkiv odesa lebanon
  mideast west east north south middle silicon valley hollywood wall street`.split(/\s+/),
);

/** Adjectives of nationality that precede titles: “Israeli Prime Minister …”. */
export const DEMONYMS = /^(?:American|U\.?S\.?|British|UK|Israeli|Iranian|Russian|Ukrainian|Chinese|French|German|Italian|Spanish|Japanese|Korean|South|North|Indian|Pakistani|Turkish|Saudi|Egyptian|Syrian|Iraqi|Lebanese|Palestinian|Jordanian|Qatari|Emirati|Canadian|Mexican|Brazilian|Australian|European|EU|NATO|UN|Polish|Dutch|Belgian|Swedish|Norwegian|Danish|Finnish|Greek|Irish|Scottish|Welsh|Afghan|Nigerian|Kenyan|Ethiopian|Venezuelan|Colombian|Argentine|Chilean|Cuban|Hungarian|Romanian|Serbian|Georgian|Armenian|Azerbaijani|Belarusian|Taiwanese|Vietnamese|Filipino|Indonesian|Malaysian|Thai|Hamas|Hezbollah|Houthi|Republican|Democratic|Democrat|Labour|Conservative|Tory|Liberal|Green)$/;

/**
 * Public figures often named by surname alone, with their full names. Used
 * only when an article (or its story) never gives a first name for them.
 */
export const WELL_KNOWN_SURNAMES: Record<string, string> = {
  Trump: 'Donald Trump',
  Biden: 'Joe Biden',
  Obama: 'Barack Obama',
  Netanyahu: 'Benjamin Netanyahu',
  Putin: 'Vladimir Putin',
  Zelensky: 'Volodymyr Zelensky',
  Zelenskyy: 'Volodymyr Zelenskyy',
  Khamenei: 'Ali Khamenei',
  Erdogan: 'Recep Tayyip Erdogan',
  Macron: 'Emmanuel Macron',
  Starmer: 'Keir Starmer',
  Modi: 'Narendra Modi',
};

/** How many words a span of text holds: whitespace-separated pieces with a letter or a digit. */
export function wordCount(text: string): number {
  return text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
}
