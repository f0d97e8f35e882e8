// Words too common to say what a page is about, for the languages Tabula's test corpus is written
// in. Only words of three letters or more are listed: shorter ones are never keywords anyway.
// Chinese words are of two characters; Japanese function words, written in hiragana, are passed
// over by the keyword reader as a script, so Japanese needs no list.

const LISTS: Record<string, string> = {
  en: 'the and for are but not you all any can had her was one our out has him his how its may new now own see two who did get let say she too use that with have this will your from they been were said each which their there what about would these other into more some than them then could only over such when where while after also back even most very just like many much must should those through being both because before between does doing down during few further here itself why yours ours whom again against above below having shall upon yet via per make made got once same under however really actually still well whether within without don didn doesn isn wasn weren hasn haven hadn won wouldn couldn shouldn aren',
  fr: 'les des une pour dans par sur avec est sont pas plus que qui aux ces cette mais ont été être avoir fait comme tout tous toutes leur leurs elle elles nous vous ils lui sans sous entre aussi peut même encore bien très deux après avant alors donc dont chez quand car notre nos votre vos celle celui ceux était avait sera peu puis ainsi déjà son ses mes tes',
  de: 'der die das und den dem des ein eine einen einem einer eines ist sind war waren wird werden wurde wurden nicht mit von für auf aus bei nach vor über unter auch noch nur aber oder wie wenn dass sich sie ihr ihre ihren ihm ihn wir uns euch ich mich mir man hat haben hatte kann können soll sollen muss mehr sehr schon durch gegen ohne zum zur dies diese dieser dieses jetzt hier dann denn doch alle allem allen aller als bis seit sein seine seiner seinen wieder immer etwas zwei',
  es: 'los las del por con una uno para que como más pero sus sin sobre este esta estos estas ese esa ser son está están fue era han hay muy también entre cuando donde desde hasta porque todo todos toda todas otro otra otros nos les ella ellos sido tiene tienen puede hace después antes ante según cada',
  it: 'che per con del della delle dei degli dello nel nella nei alla alle allo agli dal dalla una uno sono come più anche non suo sua suoi sue loro questo questa questi queste quello quella essere stato stata sia tra fra dopo prima molto tutto tutti tutte quando dove perché già ancora cui gli hanno abbiamo fare fatto può ogni',
  pt: 'que para com uma por dos das não mais como mas seu sua seus suas ele ela eles elas nos são foi ser está estão tem têm pelo pela pelos pelas isso este esta esse essa aos também quando onde porque muito todos todas entre depois antes sobre até nas num numa',
  nl: 'het een van den dat die niet met voor zijn ook als maar bij aan door naar over nog wat wordt werd worden zich heeft hebben had hij zij wij jij ons onze hun haar deze dit dan tot uit meer kan zou zal geen veel omdat wel waar hoe alle toen',
  ru: 'что это как так его она они оно был была были было быть для при про над под без через или если уже еще ещё все всё всех тот эта эти этот того чем чтобы только может также когда где кто даже вот нас вас вам нам ним них который которые которая которое после более очень свой своей себя',
  ar: 'هذا هذه ذلك التي الذي الذين كان كانت بين عند حيث بعد قبل غير وفي ومن على إلى وهو وهي أيضا كما منذ خلال',
  fa: 'برای این است شود بود هستند کرد کند دارد خود نیز اما باید شده کرده',
  he: 'הוא היא הם אבל אחרי לפני כמו שלא אשר הזה הזאת היה היו עוד',
  zh: '我们 你们 他们 她们 它们 这个 那个 一个 没有 什么 可以 因为 所以 但是 如果 已经 还是 就是 不是 自己 这些 那些 这样 那样 时候 以及 而且 或者 进行 通过 之后 之前 其中 目前 表示',
};

const cache = new Map<string, Set<string>>();

/** The stopwords of a page in `lang` (a primary tag): its language's and English's, or every list's when the language is unknown. */
export function stopwordsFor(lang: string): Set<string> {
  const known = Object.hasOwn(LISTS, lang) ? lang : '';
  let words = cache.get(known);
  if (!words) {
    const lists = known ? [LISTS.en, LISTS[known]] : Object.values(LISTS);
    words = new Set(lists.join(' ').split(' '));
    cache.set(known, words);
  }
  return words;
}
