// The pages' HTML tag: re-exported from the domain, where the invitation mail bodies use it too.
export * from '../domain/html';
