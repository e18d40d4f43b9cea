// Reads a JSON array of documents, each an array of heading texts in document order, and writes
// the anchors github-slugger gives them (one slugger per document, as GitHub numbers repeats per page).
import GithubSlugger from 'github-slugger'

let input = ''
process.stdin.setEncoding('utf8')
process.stdin.on('data', chunk => { input += chunk })
process.stdin.on('end', () => {
  const out = JSON.parse(input).map(headings => {
    const slugger = new GithubSlugger()
    return headings.map(text => slugger.slug(text))
  })
  process.stdout.write(JSON.stringify(out))
})
