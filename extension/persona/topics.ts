// The topics a page can be about, each with the words its titles, descriptions and content
// keywords are drawn from. A person likes some topics and dislikes others (person.ts).

export interface Topic {
  name: string;
  /** The section of a site's address that holds the topic (`/science/...`). */
  section: string;
  words: readonly string[];
}

export const TOPICS: readonly Topic[] = [
  { name: 'programming', section: 'programming', words: [
    'typescript', 'rust', 'python', 'compiler', 'async', 'generics', 'closures', 'refactoring', 'testing', 'debugging',
    'concurrency', 'memory', 'performance', 'api', 'database', 'queries', 'caching', 'types', 'modules', 'linting',
    'git', 'containers', 'kubernetes', 'webassembly', 'browser', 'css', 'react', 'functions', 'errors', 'parsing'] },
  { name: 'machine-learning', section: 'ai', words: [
    'transformer', 'embeddings', 'gradient', 'training', 'inference', 'dataset', 'benchmark', 'attention', 'tokens', 'fine',
    'tuning', 'model', 'weights', 'quantization', 'diffusion', 'reinforcement', 'agents', 'evaluation', 'regression', 'neural',
    'optimizer', 'loss', 'overfitting', 'scaling', 'gpu', 'classifier', 'features', 'alignment', 'prompts', 'retrieval'] },
  { name: 'world-news', section: 'world', words: [
    'election', 'summit', 'ceasefire', 'minister', 'talks', 'treaty', 'protest', 'border', 'refugees', 'sanctions',
    'parliament', 'president', 'crisis', 'embassy', 'diplomats', 'vote', 'coalition', 'troops', 'aid', 'storm',
    'earthquake', 'floods', 'wildfires', 'court', 'ruling', 'investigation', 'leaders', 'agreement', 'conflict', 'envoy'] },
  { name: 'politics', section: 'politics', words: [
    'senate', 'bill', 'budget', 'campaign', 'polls', 'debate', 'governor', 'policy', 'reform', 'taxes',
    'healthcare', 'immigration', 'lawmakers', 'opposition', 'party', 'candidate', 'primary', 'veto', 'hearing', 'scandal',
    'mayor', 'council', 'legislation', 'voters', 'turnout', 'spending', 'deficit', 'cabinet', 'speech', 'approval'] },
  { name: 'economy', section: 'business', words: [
    'inflation', 'markets', 'stocks', 'bonds', 'rates', 'earnings', 'recession', 'jobs', 'wages', 'housing',
    'mortgage', 'startups', 'funding', 'merger', 'shares', 'investors', 'dividends', 'oil', 'prices', 'trade',
    'tariffs', 'growth', 'banks', 'currency', 'savings', 'pension', 'retail', 'supply', 'chain', 'forecast'] },
  { name: 'football', section: 'sport', words: [
    'football', 'league', 'goal', 'striker', 'midfielder', 'transfer', 'manager', 'derby', 'penalty', 'keeper',
    'champions', 'fixture', 'highlights', 'injury', 'squad', 'tactics', 'pressing', 'relegation', 'title', 'cup',
    'referee', 'var', 'lineup', 'academy', 'loan', 'season', 'stadium', 'fans', 'kickoff', 'assists'] },
  { name: 'cooking', section: 'food', words: [
    'recipe', 'pasta', 'bread', 'sourdough', 'roast', 'curry', 'soup', 'salad', 'baking', 'dessert',
    'chocolate', 'garlic', 'noodles', 'dumplings', 'grill', 'vegetarian', 'vegan', 'spices', 'sauce', 'marinade',
    'oven', 'skillet', 'breakfast', 'dinner', 'lunch', 'ferment', 'pastry', 'risotto', 'tacos', 'braise'] },
  { name: 'travel', section: 'travel', words: [
    'flights', 'hotel', 'itinerary', 'beach', 'mountains', 'hiking', 'city', 'guide', 'museum', 'train',
    'island', 'backpacking', 'visa', 'luggage', 'airport', 'weekend', 'road', 'trip', 'camping', 'lisbon',
    'kyoto', 'iceland', 'alps', 'coast', 'villages', 'ferry', 'hostel', 'passport', 'route', 'sights'] },
  { name: 'gaming', section: 'games', words: [
    'game', 'console', 'review', 'patch', 'speedrun', 'indie', 'rpg', 'shooter', 'strategy', 'multiplayer',
    'trailer', 'release', 'boss', 'quest', 'steam', 'controller', 'esports', 'tournament', 'mods', 'roguelike',
    'platformer', 'open', 'world', 'sequel', 'remaster', 'studio', 'dlc', 'walkthrough', 'graphics', 'framerate'] },
  { name: 'film-tv', section: 'culture', words: [
    'film', 'series', 'episode', 'trailer', 'director', 'actor', 'premiere', 'streaming', 'season', 'finale',
    'documentary', 'festival', 'oscars', 'box', 'office', 'sequel', 'cast', 'screenplay', 'cinema', 'thriller',
    'comedy', 'drama', 'animation', 'critics', 'review', 'reboot', 'showrunner', 'binge', 'miniseries', 'soundtrack'] },
  { name: 'music', section: 'music', words: [
    'album', 'single', 'tour', 'concert', 'band', 'guitar', 'vinyl', 'playlist', 'lyrics', 'producer',
    'jazz', 'hiphop', 'techno', 'indie', 'classical', 'orchestra', 'festival', 'setlist', 'remix', 'label',
    'songwriter', 'drums', 'synth', 'chart', 'debut', 'acoustic', 'live', 'session', 'bass', 'vocals'] },
  { name: 'science', section: 'science', words: [
    'physics', 'quantum', 'telescope', 'galaxy', 'black', 'hole', 'particle', 'climate', 'genome', 'cells',
    'evolution', 'fossil', 'species', 'experiment', 'theory', 'mathematics', 'proof', 'neurons', 'brain', 'vaccine',
    'mars', 'orbit', 'comet', 'chemistry', 'molecules', 'ocean', 'ecology', 'study', 'researchers', 'discovery'] },
  { name: 'fitness', section: 'health', words: [
    'running', 'marathon', 'training', 'strength', 'workout', 'cycling', 'yoga', 'mobility', 'protein', 'recovery',
    'sleep', 'stretching', 'intervals', 'squat', 'deadlift', 'cardio', 'pace', 'shoes', 'injury', 'nutrition',
    'swimming', 'climbing', 'endurance', 'plan', 'beginner', 'heart', 'zone', 'steps', 'posture', 'habits'] },
  { name: 'photography', section: 'photo', words: [
    'camera', 'lens', 'aperture', 'exposure', 'portrait', 'landscape', 'film', 'mirrorless', 'sensor', 'editing',
    'lightroom', 'composition', 'street', 'macro', 'tripod', 'light', 'shutter', 'iso', 'prints', 'darkroom',
    'zoom', 'prime', 'bokeh', 'golden', 'hour', 'raw', 'color', 'grading', 'drone', 'gallery'] },
  { name: 'gardening', section: 'garden', words: [
    'garden', 'seeds', 'tomatoes', 'compost', 'soil', 'pruning', 'roses', 'herbs', 'greenhouse', 'seedlings',
    'perennials', 'bulbs', 'lawn', 'watering', 'pests', 'raised', 'beds', 'allotment', 'harvest', 'mulch',
    'shrubs', 'trees', 'orchard', 'potatoes', 'flowers', 'pollinators', 'frost', 'planting', 'weeds', 'succulents'] },
  { name: 'cars', section: 'cars', words: [
    'electric', 'car', 'battery', 'range', 'charging', 'hybrid', 'suv', 'hatchback', 'engine', 'test',
    'drive', 'review', 'tyres', 'motorsport', 'formula', 'rally', 'dealer', 'lease', 'insurance', 'mileage',
    'recall', 'autopilot', 'sedan', 'horsepower', 'torque', 'transmission', 'towing', 'pickup', 'classic', 'restoration'] },
  { name: 'home', section: 'home', words: [
    'kitchen', 'renovation', 'paint', 'furniture', 'sofa', 'shelves', 'lighting', 'tiles', 'bathroom', 'insulation',
    'heating', 'plumbing', 'tools', 'drill', 'woodworking', 'storage', 'decor', 'rug', 'curtains', 'mattress',
    'appliances', 'vacuum', 'cleaning', 'declutter', 'garage', 'windows', 'flooring', 'wallpaper', 'lamp', 'desk'] },
  { name: 'books', section: 'books', words: [
    'novel', 'author', 'fiction', 'memoir', 'poetry', 'publisher', 'bestseller', 'chapter', 'reading', 'library',
    'biography', 'essays', 'translation', 'prize', 'shortlist', 'fantasy', 'mystery', 'classics', 'paperback', 'audiobook',
    'bookshop', 'literary', 'debut', 'trilogy', 'characters', 'plot', 'narrator', 'history', 'philosophy', 'review'] },
];

/** Words of no topic that titles and descriptions are padded with. */
export const COMMON_WORDS: readonly string[] = [
  'new', 'best', 'guide', 'why', 'week', 'today', 'first', 'inside', 'look', 'year', 'people', 'way', 'big',
  'latest', 'simple', 'world', 'small', 'change', 'time', 'next', 'better', 'real', 'life', 'story', 'things',
];

export function topicNamed(name: string): Topic {
  const topic = TOPICS.find((candidate) => candidate.name === name);
  if (topic === undefined) throw new Error(`no topic ${name}`);
  return topic;
}
