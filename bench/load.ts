// Load from autocannon, with a progress bar while it runs when given a label.
import autocannon from 'autocannon';

export function runAutocannon(options: autocannon.Options, label?: string): Promise<autocannon.Result> {
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error, result) => (error ? reject(error) : resolve(result)));
    if (label) autocannon.track(instance, { renderResultsTable: false, renderLatencyTable: false, progressBarString: `${label} [:bar] :percent` });
  });
}
