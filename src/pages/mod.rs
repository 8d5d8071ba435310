mod browse;
mod quiz;
mod topics;

pub use browse::BrowsePage;
pub use quiz::QuizPage;
pub use topics::TopicsPage;
